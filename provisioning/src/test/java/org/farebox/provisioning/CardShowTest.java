package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardShowTest {
    @TempDir
    Path dir;

    @Test
    void showsIdentityBalanceAndThePurchaseInThePurseLog() throws Exception {
        Path keys = dir.resolve("keys.conf");
        Path card = dir.resolve("card.json");
        assertEquals(0, Cli.run("keys", "generate", "-o", keys.toString()).exitCode());
        assertEquals(0, Cli.run("card", "issue", "--keys", keys.toString(), "--serial", "31045101000000000042",
                "--type", "student", "--balance", "1234", "--valid-until", "2031-06-30", "-o", card.toString()).exitCode());
        VirtualPsam psam = new VirtualPsam(MasterKeys.parse(Files.readString(keys)),
                PsamProfile.of(Hex.parse("000051010007"), 1));
        ApduPurchase.run(VirtualTUnionCard.open(card), psam, 1, 100, false);

        Cli.Run run = Cli.run("card", "show", card.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("31045101000000000042"), out);
        assertTrue(out.contains("02 student"), out);
        assertTrue(out.contains("¥11.34 (1134 fen)"), out);
        assertTrue(out.contains("counter         1 (offline)"), out);
        assertTrue(out.contains("2020-01-01 to 2031-06-30"), out);
        assertTrue(out.contains("blocked         no"), out);
        assertTrue(out.contains("purse log (0x18): 1 record"), out);
        // One table row: record 1, counter 0 (the counter before the debit), a purchase of 1 yuan at our terminal.
        assertTrue(out.matches("(?s).*\\n  1 +0 +06 purchase +¥1\\.00 \\(100 fen\\) +000051010007 +2026-11-22T08:30.*"),
                out);
    }

    @Test
    void missingCardFileFailsWithTheReason() {
        Cli.Run run = Cli.run("card", "show", dir.resolve("nope.json").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("does not exist"), run.err());
    }

    @Test
    void fileThatIsNotACardFailsWithoutAStackTrace() throws Exception {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"hello\": 1}");
        Cli.Run run = Cli.run("card", "show", bogus.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("farebox-provision: card image"), run.err());
        assertTrue(!run.err().contains("\tat "), run.err());
    }
}
