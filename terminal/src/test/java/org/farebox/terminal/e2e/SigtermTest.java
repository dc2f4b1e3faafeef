package org.farebox.terminal.e2e;

import org.farebox.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.simulator.vpcd.VpcdBridge;
import org.farebox.terminal.TerminalCli;
import org.farebox.terminal.e2e.LedgerAudit.Purse;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * {@code farebox-terminal run} as systemd runs it, on the real pcscd with vpcd's two readers: the PSAM and
 * the card are virtual, connected from this JVM. SIGTERM (systemctl stop) must let the tap in progress
 * finish and end the process within 10 s with a whole ledger.
 */
@Timeout(90)
class SigtermTest {
    private static final String SERIAL = "31045101000000000077";
    private static final long BALANCE = 5_000;
    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private RealPcscd.Lease vpcd;
    private VpcdBridge sam;
    private ChildJvm terminal;
    private Path ledgerFile;
    private Path logFile;
    private VirtualTUnionCard card;

    @BeforeEach
    void startTerminal() throws Exception {
        RealPcscd.requireOrSkip();
        vpcd = RealPcscd.lease(Duration.ofSeconds(60));
        TerminalFixture fixture = TerminalFixture.create(dir, 77);
        card = new VirtualTUnionCard(fixture.issue(SERIAL, TerminalFixture.ADULT, BALANCE));
        sam = VpcdBridge.connect(VpcdBridge.SAM_PORT, fixture.openPsam());
        RealPcscd.awaitPresent(VpcdBridge.SAM_READER, Duration.ofSeconds(5));
        ledgerFile = fixture.stateDir.resolve("ledger.db");
        logFile = dir.resolve("terminal.log");
        Path config = fixture.writeConfig(Map.of("reader.factory", "PC/SC",
                "reader.card", VpcdBridge.FIELD_READER, "reader.sam", VpcdBridge.SAM_READER, "sam.mode", "pcsc",
                "reader.poll_ms", "100", "hmi.mode", "console", "log.level", "info", "log.file", logFile.toString()));
        terminal = ChildJvm.start(TerminalCli.class.getName(), List.of("run", "--config", config.toString()));
        assertNotNull(terminal.awaitLine(l -> l.startsWith("|READY"), Duration.ofSeconds(30)),
                "the terminal did not show READY\n" + terminal.transcript());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
        if (sam != null) {
            sam.close();
        }
        if (vpcd != null) {
            vpcd.close();
        }
    }

    @Test
    void sigtermAfterATapStopsCleanlyWithinTenSeconds() throws Exception {
        try (VpcdBridge tapped = VpcdBridge.connect(VpcdBridge.FIELD_PORT, card)) {
            awaitPaidRows(1, Duration.ofSeconds(10));
        }
        RealPcscd.awaitAbsent(VpcdBridge.FIELD_READER, Duration.ofSeconds(5));

        long stopMillis = sigterm();

        System.out.println("SIGTERM of an idle terminal: stopped in " + stopMillis + " ms");
        List<TapRecord> rows = audit();
        assertEquals(1, rows.size());
        assertEquals(SettlementState.COMPLETE, rows.get(0).state());
    }

    @Test
    void aTapInProgressWhenSigtermArrivesIsCompletedBeforeTheProcessEnds() throws Exception {
        SlowDebitCard slow = new SlowDebitCard(card, Duration.ofSeconds(1));
        long stopMillis;
        try (VpcdBridge tapped = VpcdBridge.connect(VpcdBridge.FIELD_PORT, slow)) {
            assertTrue(slow.awaitDebit(Duration.ofSeconds(10)), "the card never got its DEBIT\n" + terminal.transcript());
            stopMillis = sigterm();
        }

        System.out.println("SIGTERM during a DEBIT that takes 1 s: stopped in " + stopMillis + " ms");
        assertTrue(stopMillis >= 500, "the process ended " + stopMillis + " ms after SIGTERM: before the card answered?");
        assertTrue(terminal.stdout().contains("|OK"), "the passenger saw OK\n" + terminal.transcript());
        List<TapRecord> rows = audit();
        assertEquals(1, rows.size(), "the interrupted tap is in the ledger");
        assertEquals(SettlementState.COMPLETE, rows.get(0).state(), "and complete: " + rows.get(0));
        assertEquals(BALANCE - TerminalFixture.ADULT_FARE, card.image().balance());
    }

    /** Sends SIGTERM and checks the exit; returns how long the process took to end. */
    private long sigterm() throws Exception {
        long start = System.nanoTime();
        terminal.sigterm();
        assertTrue(terminal.awaitExit(STOP_WITHIN), "still running " + STOP_WITHIN.toSeconds() + " s after SIGTERM\n"
                + terminal.transcript());
        long millis = (System.nanoTime() - start) / 1_000_000;
        int status = terminal.process().exitValue();
        assertTrue(status == 0 || status == 143, "exit status " + status + "\n" + terminal.transcript());
        assertTrue(terminal.transcript().contains("stopped cleanly"), "no 'stopped cleanly' on the console\n"
                + terminal.transcript());
        System.out.println("exit status after SIGTERM: " + status);
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertTrue(log.contains("stopped cleanly"), "no 'stopped cleanly' in " + logFile + ":\n" + log);
        return millis;
    }

    private List<TapRecord> audit() throws Exception {
        try (SqliteLedger ledger = SqliteLedger.open(ledgerFile, TerminalFixture.TERMINAL_ID)) {
            return LedgerAudit.assertConsistent(ledger, Map.of(SERIAL, new Purse(BALANCE, 0)),
                    Map.of(SERIAL, Purse.of(card.image())), "after SIGTERM");
        }
    }

    /** Polls the child's ledger read-only until it holds {@code n} paid rows. */
    private void awaitPaidRows(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = paidRows();
            if (seen >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ledger has " + seen + " paid rows after " + timeout.toMillis() + " ms, wanted "
                + n + "\n" + terminal.transcript());
    }

    private long paidRows() {
        if (!Files.exists(ledgerFile)) {
            return 0;
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + ledgerFile);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM taps WHERE outcome = 'PAID'")) {
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
