package org.farebox.terminal;

import org.farebox.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.fare.FlatFareTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code farebox-terminal} as an operator runs it, in its own JVM (main() calls System.exit): a bad
 * configuration ends with exit status 2 and one line on stderr naming file, line and key, never a stack trace.
 */
class TerminalCliTest {
    @TempDir
    Path dir;

    /** What one run of the command printed and returned. */
    private record Run(int status, String stdout, String stderr) {
    }

    @Test
    void runWithABadRegexStopsWithStatus2NamingTheKeyAndTheLine() throws Exception {
        Path conf = write("broken.conf", "# bus 12\nterminal.id = BUS-12\nreader.card = (ACR122\n");
        Run run = cli("run", "--config", conf.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.stderr().startsWith("farebox-terminal: broken.conf line 3: reader.card: not a valid regular expression"),
                run.stderr());
        assertNoStackTrace(run);
    }

    @Test
    void runWithAnUnknownKeyStopsWithStatus2NamingTheKeyAndTheLine() throws Exception {
        Path conf = write("broken.conf", "terminal.id = BUS-12\n\nreader.pol_ms = 100\n");
        Run run = cli("run", "--config", conf.toString());
        assertEquals(2, run.status(), run.toString());
        assertEquals("farebox-terminal: broken.conf line 3: unknown key reader.pol_ms", run.stderr().strip());
        assertNoStackTrace(run);
    }

    @Test
    void runWithoutItsConfigFileStopsWithStatus2() throws Exception {
        Path missing = dir.resolve("terminal.conf");
        Run run = cli("run", "--config", missing.toString());
        assertEquals(2, run.status(), run.toString());
        assertEquals("farebox-terminal: " + missing + ": does not exist", run.stderr().strip());
    }

    @Test
    void runWithAnUnknownReaderFactoryStopsWithStatus2BeforeTouchingAnyCard() throws Exception {
        Path fares = write("fare-table.json", new FlatFareTable(1, "CNY", 200, Map.of(), Map.of("adult", 100), Map.of(),
                "adult").toJson());
        Path conf = write("terminal.conf", "state.dir = " + dir.resolve("state") + "\nfare.table = " + fares
                + "\ndenylist.file =\nreader.factory = NoSuchReaders\nlog.level = error\n");
        Run run = cli("run", "--config", conf.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.stderr().contains("reader.factory: no javax.smartcardio provider of type 'NoSuchReaders'"),
                run.stderr());
        assertNoStackTrace(run);
    }

    @Test
    void configCheckAcceptsTheShippedConfigurationFile() throws Exception {
        Run run = cli("config", "check", "--config", Path.of("..", "etc", "terminal.conf").toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.stdout().contains(": OK (terminal BUS-0001, route 101, SAM pcsc, state in /var/lib/farebox)"),
                run.stdout());
    }

    @Test
    void configCheckOfABrokenFileStopsWithStatus2AndTheLine() throws Exception {
        Path conf = write("broken.conf", "terminal.id = A\nterminal.id = B\n");
        Run run = cli("config", "check", "--config", conf.toString());
        assertEquals(2, run.status(), run.toString());
        assertEquals("farebox-terminal: broken.conf line 2: terminal.id is already set on line 1", run.stderr().strip());
    }

    @Test
    void ledgerVerifyReportsAnIntactLedger() throws Exception {
        try (org.farebox.terminal.ledger.SqliteLedger ledger =
                org.farebox.terminal.ledger.SqliteLedger.open(dir.resolve("ledger.db"), "BUS-0001")) {
            ledger.append(org.farebox.terminal.ledger.TapRecord.draft().time(java.time.Instant.now())
                    .cardSerial("31045101000000001000").outcome(org.farebox.terminal.ledger.Outcome.CARD_EXPIRED)
                    .state(org.farebox.terminal.ledger.SettlementState.NO_DEBIT).build());
        }
        Path conf = write("terminal.conf", "state.dir = " + dir + "\nlog.level = error\n");
        Run run = cli("ledger", "verify", "--config", conf.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("ledger " + dir.resolve("ledger.db") + ": 1 rows, chain intact", run.stdout().strip());
    }

    @Test
    void ledgerVerifyOfAMistypedStateDirDoesNotCreateAnEmptyLedger() throws Exception {
        Path conf = write("terminal.conf", "state.dir = " + dir.resolve("typo") + "\nlog.level = error\n");
        Run run = cli("ledger", "verify", "--config", conf.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.stderr().contains("no ledger at " + dir.resolve("typo").resolve("ledger.db")), run.stderr());
        assertFalse(Files.exists(dir.resolve("typo").resolve("ledger.db")));
    }

    @Test
    void denylistLoadInstallsTheLocalListAndAMalformedFileChangesNothing() throws Exception {
        Path conf = write("terminal.conf", "state.dir = " + dir.resolve("state") + "\nlog.level = error\n");
        Path good = write("deny.txt", "# on site\n31040000000000000001,lost\n31040000000000000002,seen at depot\n");
        Run loaded = cli("denylist", "load", "--config", conf.toString(), good.toString());
        assertEquals(0, loaded.status(), loaded.toString());
        assertTrue(loaded.stdout().startsWith("deny list replaced: 2 cards (local list, version 0"), loaded.stdout());

        Path bad = write("bad.txt", "31040000000000000003\n12345,short\n");
        Run refused = cli("denylist", "load", "--config", conf.toString(), bad.toString());
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.stderr().contains("line 2: a card serial must be 20 decimal digits"), refused.stderr());
        assertTrue(refused.stderr().contains("(nothing changed)"), refused.stderr());
        assertNoStackTrace(refused);
        try (org.farebox.terminal.deny.DenyListStore store = org.farebox.terminal.deny.DenyListStore.open(
                dir.resolve("state"))) {
            assertEquals(2, store.size());
            assertEquals(java.util.Optional.of("seen at depot"), store.reason("31040000000000000002"));
        }
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.stderr().contains("\tat "), "a stack trace reached the operator:\n" + run.stderr());
        assertFalse(run.stdout().contains("\tat "), "a stack trace reached the operator:\n" + run.stdout());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Run cli(String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(TerminalCli.class.getName(), List.of(args))) {
            assertTrue(child.awaitExit(Duration.ofSeconds(30)), "farebox-terminal did not end\n" + child.transcript());
            return new Run(child.process().exitValue(), child.stdout(), child.stderr());
        }
    }
}
