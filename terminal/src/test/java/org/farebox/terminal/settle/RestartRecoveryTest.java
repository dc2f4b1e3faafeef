package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.CardLedgerAssert.assertCardAgreesWithLedger;
import static org.farebox.terminal.testkit.RowAssert.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.testkit.CrashPoint;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.SimulatedCrash;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The terminal dies mid-purchase (kill -9, power cut) and starts again from what its ledger kept. */
class RestartRecoveryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void pendingPurchaseWhoseCardWasNotDebitedWaitsForTheCardThenIsVoidedAndPaidAfresh(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            bench.crashAt(CrashPoint.AFTER_INTENT_RECORDED);
            assertThrows(SimulatedCrash.class, () -> bench.tap(card));
            assertEquals(5_000, card.image().balance());
            assertEquals(IntentState.PENDING, single(bench.openIntents()).state());

            bench.clock().advance(Duration.ofSeconds(40));
            bench.restart();
            List<TapRecord> resumed = bench.resumeAfterRestart();

            assertEquals(List.of(), resumed, "nobody knows yet whether DEBIT reached the card");
            PurchaseIntent waiting = single(bench.openIntents());
            assertEquals(IntentState.UNCERTAIN, waiting.state());
            assertEquals(bench.clock().instant().plus(Duration.ofSeconds(120)), waiting.expiresAt(),
                    "the re-tap window starts at the restart");

            TapResult back = bench.tap(card);

            assertEquals(Display.paid(200, 4_800, "adult"), back.display());
            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size());
            assertRow(rows.get(0)).is(Outcome.VOIDED, SettlementState.VOID).amount(0).psam(bench.psamTerminalNo(), 1);
            assertRow(rows.get(1)).is(Outcome.PAID, SettlementState.COMPLETE).amount(200).balances(5_000, 4_800)
                    .psam(bench.psamTerminalNo(), 2).hasProof();
            assertCardAgreesWithLedger(bench, card, 5_000, "after restart");
            assertTrue(bench.openIntents().isEmpty());
            assertTrue(bench.ledger().verify().intact());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void pendingPurchaseWhoseCardWasDebitedIsProvenWhenTheCardComesBack(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            bench.crashAt(CrashPoint.BEFORE_MARK_DEBITED);
            assertThrows(SimulatedCrash.class, () -> bench.tap(card));
            assertEquals(4_800, card.image().balance(), "the card debited just before the terminal died");

            bench.restart();
            bench.resumeAfterRestart();
            assertEquals(IntentState.UNCERTAIN, single(bench.openIntents()).state());

            TapResult back = bench.tap(card);

            assertEquals(Display.paid(200, 4_800, "adult"), back.display());
            SettlementState state = kind == SamKind.SOFT ? SettlementState.COMPLETE : SettlementState.DEBITED;
            assertRow(single(bench.rows())).is(Outcome.PAID, state).amount(200).balances(5_000, 4_800).counter(1)
                    .psam(bench.psamTerminalNo(), 1).tac(Hex.of(card.image().lastProof().orElseThrow().tac()));
            assertCardAgreesWithLedger(bench, card, 5_000, "proven after restart");
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void debitedPurchaseIsFinalisedAtRestartWithItsTac(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            bench.crashAt(CrashPoint.BEFORE_RESOLVE);
            assertThrows(SimulatedCrash.class, () -> bench.tap(card));
            PurchaseIntent debited = single(bench.openIntents());
            assertEquals(IntentState.DEBITED, debited.state());

            bench.restart();
            List<TapRecord> resumed = bench.resumeAfterRestart();

            TapRecord row = single(resumed);
            assertEquals(List.of(row), bench.rows());
            assertRow(row).is(Outcome.PAID, SettlementState.DEBITED).card(card.image().serialNumber()).amount(200)
                    .balances(5_000, 4_800).counter(1).psam(bench.psamTerminalNo(), 1)
                    .tac(Hex.of(card.image().lastProof().orElseThrow().tac())).detailContains("restart");
            assertEquals(debited.mac2(), row.mac2());
            assertEquals(debited.createdAt(), row.time());
            assertTrue(bench.openIntents().isEmpty());
            assertCardAgreesWithLedger(bench, card, 5_000, "finalised at restart");
            assertEquals(List.of(), bench.resumeAfterRestart(), "a second resume finds nothing to do");
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void terminalSerialsAreNeverReusedAcrossARestart(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            bench.tap(bench.cards().adult(5_000));
            VirtualTUnionCard crashed = bench.cards().adult(5_000);
            bench.crashAt(CrashPoint.AFTER_INTENT_RECORDED);
            assertThrows(SimulatedCrash.class, () -> bench.tap(crashed));

            bench.restart();
            bench.resumeAfterRestart();
            bench.tap(bench.cards().adult(5_000));

            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size());
            assertEquals(1, rows.get(0).psamSerial());
            assertEquals(3, rows.get(1).psamSerial(), "serial 2 belongs to the purchase open at the crash");
            assertEquals(2, single(bench.openIntents()).psamSerial());
        }
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), () -> "expected one, got " + items);
        return items.get(0);
    }
}
