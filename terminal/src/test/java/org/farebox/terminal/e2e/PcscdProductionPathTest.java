package org.farebox.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.FaultyCard;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.simulator.vpcd.VpcdBridge;
import org.farebox.terminal.TerminalDaemon;
import org.farebox.terminal.TerminalRuntime;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.e2e.LedgerAudit.Purse;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.settle.TapResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal's production path, unchanged, on the machine's pcscd: the JDK's "PC/SC" TerminalFactory,
 * PcscCardReader on "Virtual PCD 00 00", PcscPsam on "Virtual PCD 00 01", TapProcessor and the daemon
 * loop. The cards and the PSAM are virtual, put into vpcd from this JVM.
 */
@Timeout(60)
class PcscdProductionPathTest {
    private static final String SERIAL = "31045101000000000088";
    private static final long BALANCE = 5_000;
    private static final int DEBIT = 0x54;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private RealPcscd.Lease vpcd;
    private VpcdBridge sam;
    private TerminalFixture fixture;
    private final BlockingQueue<TapResult> results = new LinkedBlockingQueue<>();
    private Thread loop;
    private TerminalDaemon daemon;
    private TerminalRuntime runtime;

    /** The daemon thread's parts, handed to the test once they exist. */
    private record Running(TerminalRuntime runtime, TerminalDaemon daemon) {
    }

    @BeforeEach
    void startTerminal() throws Exception {
        RealPcscd.requireOrSkip();
        vpcd = RealPcscd.lease(Duration.ofSeconds(60));
        fixture = TerminalFixture.create(dir, 88);
        sam = VpcdBridge.connect(VpcdBridge.SAM_PORT, fixture.openPsam());
        RealPcscd.awaitPresent(VpcdBridge.SAM_READER, Duration.ofSeconds(5));
        TerminalConfig config = TerminalConfig.load(fixture.writeConfig(Map.of("reader.factory", "PC/SC",
                "reader.card", VpcdBridge.FIELD_READER, "reader.sam", VpcdBridge.SAM_READER, "sam.mode", "pcsc",
                "reader.poll_ms", "50")));
        CompletableFuture<Running> started = new CompletableFuture<>();
        // Opened on the loop's own thread: PC/SC exclusive access to the PSAM belongs to the thread that took it.
        loop = new Thread(() -> {
            try (TerminalRuntime r = TerminalRuntime.open(config, null, display -> { }, Clock.systemUTC())) {
                TerminalDaemon d = r.daemon(results::add);
                started.complete(new Running(r, d));
                d.run();
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "farebox-terminal");
        loop.start();
        Running running = started.get(30, TimeUnit.SECONDS);
        runtime = running.runtime();
        daemon = running.daemon();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (daemon != null) {
            daemon.stop();
            loop.join(10_000);
        }
        if (sam != null) {
            sam.close();
        }
        if (vpcd != null) {
            vpcd.close();
        }
    }

    @Test
    void aPurchaseAndATornTapRecoveredByTheRetapSettleThroughPcscd() throws Exception {
        VirtualTUnionCard card = new VirtualTUnionCard(fixture.issue(SERIAL, TerminalFixture.ADULT, BALANCE));

        TapResult paid = tapUntilRead(card, "purchase");
        assertEquals(DisplayKind.PAID, paid.display().kind(), paid.toString());
        assertEquals(BALANCE - TerminalFixture.ADULT_FARE, card.image().balance());

        TapResult torn = tap(new FaultyCard(card).tearAfter(DEBIT), "torn after DEBIT");
        assertEquals(DisplayKind.TAP_AGAIN, torn.display().kind(), torn.toString());
        assertEquals(BALANCE - 2 * TerminalFixture.ADULT_FARE, card.image().balance(), "the card did debit");
        List<PurchaseIntent> open = runtime.ledger().openIntents();
        assertEquals(1, open.size(), "the torn purchase waits for its card");
        assertEquals(IntentState.UNCERTAIN, open.get(0).state());

        TapResult retap = tapUntilRead(card, "re-tap");
        assertEquals(DisplayKind.PAID, retap.display().kind(), "the re-tap shows the ride already paid: " + retap);
        assertEquals(BALANCE - 2 * TerminalFixture.ADULT_FARE, card.image().balance(), "the re-tap did not charge again");
        assertEquals(1, retap.rows().size(), retap.toString());
        assertEquals("recovered with GET TRANSACTION PROVE", retap.rows().get(0).detail());

        daemon.stop();
        loop.join(10_000);
        try (SqliteLedger ledger = SqliteLedger.open(fixture.stateDir.resolve("ledger.db"), TerminalFixture.TERMINAL_ID)) {
            List<TapRecord> rows = LedgerAudit.assertConsistent(ledger, Map.of(SERIAL, new Purse(BALANCE, 0)),
                    Map.of(SERIAL, Purse.of(card.image())), "through pcscd");
            assertEquals(2, rows.size());
            System.out.println("through pcscd: purchase " + rows.get(0).state() + ", torn tap recovered as "
                    + rows.get(1).state());
        }
    }

    /**
     * A tap the terminal could not read at all (TAP AGAIN, nothing written: seen once in ~20 runs, the card
     * gone for the first APDU just as pcscd reported it) is tapped again, as a passenger would; once only.
     */
    private TapResult tapUntilRead(ApduResponder card, String what) throws Exception {
        TapResult result = tap(card, what);
        if (result.display().kind() == DisplayKind.TAP_AGAIN && result.rows().isEmpty()) {
            System.out.println("through pcscd, " + what + ": not read at all, tapping again");
            result = tap(card, what + " (again)");
        }
        return result;
    }

    /** Puts the card into vpcd's field until the terminal answers, then takes it out and waits for pcscd to notice. */
    private TapResult tap(ApduResponder card, String what) throws Exception {
        long start = System.nanoTime();
        TapResult result;
        try (VpcdBridge field = VpcdBridge.connect(VpcdBridge.FIELD_PORT, card)) {
            result = results.poll(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(result, what + ": no answer within " + ANSWER_WITHIN.toSeconds() + " s");
            System.out.println("through pcscd, " + what + ": " + result.display().kind() + " "
                    + (System.nanoTime() - start) / 1_000_000 + " ms after the card reached vpcd");
        }
        RealPcscd.awaitAbsent(VpcdBridge.FIELD_READER, Duration.ofSeconds(5));
        return result;
    }
}
