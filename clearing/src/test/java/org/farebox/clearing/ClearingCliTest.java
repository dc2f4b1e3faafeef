package org.farebox.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.protocol.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** farebox-clearing driven in-process: exit codes, output, messages. */
class ClearingCliTest {
    @TempDir
    Path dir;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final TerminalChain t1 = new TerminalChain("OP1", "T1", 1, Instant.parse("2025-03-01T00:00:00Z"));

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("clearing.conf");
        Files.writeString(config, "store.jdbc_url = jdbc:sqlite:" + dir.resolve("clearing.db") + "\n");
    }

    private int run(String... args) {
        CommandLine cli = ClearingCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void storeRows() {
        try (JdbcClearingStore store = JdbcClearingStore.open("jdbc:sqlite:" + dir.resolve("clearing.db"), "", "",
                Clock.systemUTC())) {
            store.store(t1.batch(1, 30));
            store.store(t1.batch(1, 30));
            store.store(t1.batch(41, 50));
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "report", "findings"}) {
            assertEquals(0, run(command, "--help"), command);
        }
        assertTrue(out.toString().contains("--format"), out.toString());
        assertEquals(0, run("--help"));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ClearingCli.EXIT_USAGE, run());
        assertTrue(err.toString().contains("a command is needed"), err.toString());
    }

    @Test
    void reportAsJsonGivesTotalsDuplicatesAndOpenFindings() {
        storeRows();
        assertEquals(0, run("report", "--config", config.toString(), "--format", "json"));

        Map<String, Object> report = Json.parseObject(out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        assertEquals(40L, total.get("taps"));
        assertEquals(TerminalChain.revenue(t1.batch(1, 30).rows()) + TerminalChain.revenue(t1.batch(41, 50).rows()),
                total.get("revenue_fen"));
        assertEquals(30L, report.get("duplicates_dropped"));
        assertEquals(1L, report.get("open_findings"), "the gap 31-40");
    }

    @Test
    void reportAsTextAndCsvEndWithTheTotal() {
        storeRows();
        assertEquals(0, run("report", "--config", config.toString(), "--terminal", "T1"));
        assertTrue(out.toString().contains("TOTAL"), out.toString());
        assertTrue(out.toString().contains("open findings: 1 (list them: farebox-clearing findings)"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("report", "--config", config.toString(), "--format", "csv"));
        String[] lines = out.toString().split("\n");
        assertEquals("terminal,day,taps,revenue_fen,by_outcome,by_card_type,by_state", lines[0]);
        assertTrue(lines[lines.length - 1].startsWith("TOTAL,,40,"), lines[lines.length - 1]);
    }

    @Test
    void findingsListsTheOpenGap() {
        storeRows();
        assertEquals(0, run("findings", "--config", config.toString()));

        assertTrue(out.toString().contains("GAP T1 seq 31-40"), out.toString());
        assertTrue(out.toString().contains("1 open findings"), out.toString());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ClearingCli.EXIT_USAGE, run("report", "--config", config.toString(), "--format", "xml"));
        assertTrue(err.toString().contains("--format must be text, csv or json"), err.toString());
        assertEquals(ClearingCli.EXIT_USAGE, run("report", "--from", "2025-13-01"));
        assertEquals(ClearingCli.EXIT_USAGE, run("report", "--config", config.toString(), "--from", "2025-03-02",
                "--to", "2025-03-01"));
    }

    @Test
    void missingStoreAndBadConfigFailWithAMessage() throws Exception {
        assertEquals(ClearingCli.EXIT_FAILED, run("report", "--config", config.toString()));
        assertTrue(err.toString().contains("no clearing store at"), err.toString());

        Files.writeString(config, "store.jdbc = x\n");
        assertEquals(ClearingCli.EXIT_FAILED, run("findings", "--config", config.toString()));
        assertTrue(err.toString().contains("clearing.conf line 1: unknown key store.jdbc"), err.toString());
    }
}
