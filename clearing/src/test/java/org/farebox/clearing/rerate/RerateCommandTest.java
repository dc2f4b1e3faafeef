package org.farebox.clearing.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.farebox.clearing.ClearingCli;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** farebox-clearing rerate in-process. */
class RerateCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ClearingCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void reratesTheDayFromTheConfiguredBundleAndASecondRunStoresNothingNew() throws Exception {
        Path bundle = dir.resolve("rc.fbft");
        Files.write(bundle, new FareBundle(RerateContract.TABLE, java.time.Instant.EPOCH).encode());
        Path config = dir.resolve("clearing.conf");
        String db = "jdbc:sqlite:" + dir.resolve("clearing.db");
        Files.writeString(config, "store.jdbc_url = " + db + "\nfare.bundle = " + bundle + "\n");
        try (JdbcClearingStore store = JdbcClearingStore.open(db, "", "", Clock.systemUTC())) {
            store.store(new AccountTerminal("BUS1").tap("ACC-1", "2026-03-10T07:30", "B101", "B_XIYUAN", "adult", 200)
                    .batch(1));
            store.store(new AccountTerminal("GATE1")
                    .tap("ACC-1", "2026-03-10T08:00", "metro", "M_XIYUAN>M_GUANGCHANG", "adult", 300).batch(1));
        }

        assertEquals(0, run("rerate", "--config", config.toString(), "--day", "2026-03-10"), err.toString());
        assertTrue(out.toString().contains("1 accounts, 2 legs, 1 adjustments (-100 fen); stored: 1 new"), out.toString());
        assertTrue(out.toString().contains("ACC-1 leg 2 (GATE1 #1): charged 300, re-rated 200, difference -100"),
                out.toString());
        assertEquals(0, run("rerate", "--config", config.toString(), "--day", "2026-03-10"), err.toString());
        assertTrue(out.toString().contains("stored: 0 new, 1 unchanged, 0 removed"), out.toString());
    }

    @Test
    void missingBundleIsAUsageErrorAndBadBundleAFailure() throws Exception {
        Path config = dir.resolve("clearing.conf");
        Files.writeString(config, "store.jdbc_url = jdbc:sqlite:" + dir.resolve("clearing.db") + "\n");
        assertEquals(ClearingCli.EXIT_USAGE, run("rerate", "--config", config.toString(), "--day", "2026-03-10"));
        assertTrue(err.toString().contains("no fare bundle"), err.toString());
        Path bad = dir.resolve("bad.fbft");
        Files.write(bad, new byte[] {1, 2, 3});
        assertEquals(ClearingCli.EXIT_FAILED, run("rerate", "--config", config.toString(), "--day", "2026-03-10",
                "--bundle", bad.toString()));
        assertTrue(err.toString().contains("is not valid"), err.toString());
        assertEquals(0, run("rerate", "--help"));
    }
}
