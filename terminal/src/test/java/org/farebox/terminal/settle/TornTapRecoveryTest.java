package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.CardLedgerAssert.assertCardAgreesWithLedger;
import static org.farebox.terminal.testkit.RowAssert.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.FaultyCard;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.testkit.BenchOptions;
import org.farebox.terminal.testkit.Proofs;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.farebox.terminal.testkit.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of a torn purchase (PROTOCOLS.md §1.8), driven by a real virtual card. */
class TornTapRecoveryTest {
    private static final int INITIALIZE = 0x50;
    private static final int DEBIT = 0x54;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void debitWhoseAnswerWasLostIsProvenOnReTapAndChargedOnce(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard torn = new FaultyCard(card).tearAfter(DEBIT);

            assertEquals(Display.tapAgain(), bench.tap(torn).display());
            PurchaseIntent intent = single(bench.openIntents());
            assertEquals(IntentState.UNCERTAIN, intent.state());
            assertEquals(4_800, card.image().balance(), "the card did debit; only its answer was lost");

            bench.clock().advance(Duration.ofSeconds(30));
            TapResult back = bench.tap(torn);

            assertEquals(Display.paid(200, 4_800, "adult"), back.display());
            TapRecord row = single(bench.rows());
            // The software SAM can recompute MAC2 at any time; the PSAM's session for it is gone.
            SettlementState state = kind == SamKind.SOFT ? SettlementState.COMPLETE : SettlementState.DEBITED;
            assertRow(row).is(Outcome.PAID, state).amount(200).balances(5_000, 4_800).counter(1)
                    .psam(bench.psamTerminalNo(), 1).hasProof().detailContains("GET TRANSACTION PROVE");
            assertEquals(intent.createdAt(), row.time(), "the row is the purchase of the torn tap, not of the re-tap");
            assertEquals(Hex.of(card.image().lastProof().orElseThrow().tac()), row.tac());
            assertEquals(Proofs.expectedTac(bench.keys(), BenchOptions.KEY_INDEX, card.image().publicBasicData(), row,
                    BenchOptions.ZONE), row.tac());
            assertEquals(1, card.image().offlineCounter());
            assertCardAgreesWithLedger(bench, card, 5_000, "proven re-tap");
            assertTrue(bench.openIntents().isEmpty());
            if (kind == SamKind.PSAM) {
                assertEquals(1, bench.virtualPsam().lastTransactionSerial(), "no second purchase");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void debitThatNeverReachedTheCardIsVoidedOnReTapAndPaidAfresh(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard torn = new FaultyCard(card).tearBefore(DEBIT);

            assertEquals(Display.tapAgain(), bench.tap(torn).display());
            assertEquals(IntentState.UNCERTAIN, single(bench.openIntents()).state());
            assertEquals(5_000, card.image().balance());

            bench.clock().advance(Duration.ofSeconds(30));
            TapResult back = bench.tap(torn);

            assertEquals(Display.paid(200, 4_800, "adult"), back.display());
            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size());
            assertEquals(rows, back.rows());
            assertRow(rows.get(0)).is(Outcome.VOIDED, SettlementState.VOID).amount(0).balances(5_000, 5_000).counter(0)
                    .psam(bench.psamTerminalNo(), 1).noProof().detailContains("counter unchanged");
            assertRow(rows.get(1)).is(Outcome.PAID, SettlementState.COMPLETE).amount(200).balances(5_000, 4_800)
                    .counter(1).psam(bench.psamTerminalNo(), 2).hasProof();
            assertEquals(4_800, card.image().balance());
            assertCardAgreesWithLedger(bench, card, 5_000, "voided then paid");
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void tornCardThatNeverComesBackBecomesGreyWhenItsWindowCloses(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            bench.tap(new FaultyCard(card).tearAfter(DEBIT));

            bench.clock().advance(Duration.ofSeconds(119));
            assertEquals(List.of(), bench.expireTornTaps(), "still inside the re-tap window");
            assertEquals(1, bench.openIntents().size());
            bench.clock().advance(Duration.ofSeconds(1));
            List<TapRecord> expired = bench.expireTornTaps();

            TapRecord grey = single(expired);
            assertEquals(List.of(grey), bench.rows());
            assertRow(grey).is(Outcome.GREY, SettlementState.GREY).card(card.image().serialNumber()).amount(200)
                    .balances(5_000, -1).psam(bench.psamTerminalNo(), 1).noProof().detailContains("did not come back");
            assertTrue(bench.openIntents().isEmpty());
            assertEquals(0, bench.ledger().totals().revenueFen(), "a grey row is for clearing to settle, not revenue");
            assertEquals(List.of(), bench.expireTornTaps(), "expiring twice writes nothing more");
        }
    }

    @Test
    void cardBackAfterItsWindowClosedPaysAfreshAndTheGreyRowStaysForClearing() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard torn = new FaultyCard(card).tearAfter(DEBIT);
            bench.tap(torn);
            bench.clock().advance(Duration.ofSeconds(121));
            bench.expireTornTaps();

            TapResult late = bench.tap(torn);

            assertEquals(Display.paid(200, 4_600, "adult"), late.display());
            List<TapRecord> rows = bench.rows();
            assertRow(rows.get(0)).is(Outcome.GREY, SettlementState.GREY).amount(200);
            assertRow(rows.get(1)).is(Outcome.PAID, SettlementState.COMPLETE).balances(4_800, 4_600).counter(2);
            assertEquals(4_600, card.image().balance(), "the grey debit is the clearing host's to refund");
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void tornCardUsedOnAnotherTerminalMeanwhileIsGreyThenPaysAfresh(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind);
                TerminalBench otherBus = bench.anotherTerminal(dir.resolve("bus-8"), "BUS-8", "000051010008")) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard torn = new FaultyCard(card).tearBefore(DEBIT);
            bench.tap(torn);
            bench.clock().advance(Duration.ofSeconds(20));

            assertEquals(Display.paid(200, 4_800, "adult"), otherBus.tap(card).display());
            bench.clock().advance(Duration.ofSeconds(20));
            TapResult back = bench.tap(torn);

            assertEquals(Display.paid(200, 4_600, "adult"), back.display());
            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size(), () -> "rows " + rows);
            assertRow(rows.get(0)).is(Outcome.GREY, SettlementState.GREY).amount(200).balances(5_000, 4_800)
                    .counter(1).psam(bench.psamTerminalNo(), 1).noProof();
            assertRow(rows.get(1)).is(Outcome.PAID, SettlementState.COMPLETE).amount(200).balances(4_800, 4_600)
                    .counter(2).psam(bench.psamTerminalNo(), 2).hasProof();
            assertEquals(200, bench.ledger().totals().revenueFen(), "this bus takes one fare, not the other bus's");
            assertEquals(200, otherBus.ledger().totals().revenueFen());
            assertEquals(4_600, card.image().balance());
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void debitedTornCardUsedOnAnotherTerminalMeanwhileIsGreyThenPaysAfresh(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind);
                TerminalBench otherBus = bench.anotherTerminal(dir.resolve("bus-8"), "BUS-8", "000051010008")) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard torn = new FaultyCard(card).tearAfter(DEBIT);
            bench.tap(torn);
            otherBus.tap(card);

            TapResult back = bench.tap(torn);

            assertEquals(Display.paid(200, 4_400, "adult"), back.display());
            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size(), () -> "rows " + rows);
            assertRow(rows.get(0)).is(Outcome.GREY, SettlementState.GREY).amount(200).counter(2).noProof()
                    .detailContains("0 -> 2");
            assertRow(rows.get(1)).is(Outcome.PAID, SettlementState.COMPLETE).balances(4_600, 4_400).counter(3);
            assertEquals(4_400, card.image().balance());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void debitRefusedByTheCardIsVoidAndNothingIsTaken(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            // Same key index and version, other master keys: the card's MAC1 check fails and it answers 9302.
            TestCards otherIssuer = new TestCards(MasterKeys.generate(new Random(99), 1, 1, 1), "3104520100");
            VirtualTUnionCard card = otherIssuer.adult(5_000);

            TapResult result = bench.tap(card);

            assertEquals(Display.cardRejected("CARD ERROR"), result.display());
            assertRow(single(bench.rows())).is(Outcome.VOIDED, SettlementState.VOID).amount(0).balances(5_000, 5_000)
                    .counter(0).psam(bench.psamTerminalNo(), 1).noProof().detailContains("9302");
            assertEquals(5_000, card.image().balance());
            assertEquals(0, card.image().offlineCounter());
            assertEquals(1, card.image().macFailureCount());
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void debitAnswerGarbledIntoARefusalAfterTheCardDebitedIsNeverLost(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).replaceResponse(DEBIT, Bytes.of(0x93, 0x02));

            TapResult result = bench.tap(faulty);

            assertEquals(4_800, card.image().balance(), "the card debited; the terminal heard 9302");
            assertEquals(Display.tapAgain(), result.display());
            assertTrue(bench.rows().isEmpty(), "no VOID row for money that moved");
            assertEquals(IntentState.UNCERTAIN, single(bench.openIntents()).state());

            TapResult back = bench.tap(faulty);

            assertEquals(Display.paid(200, 4_800, "adult"), back.display());
            assertRow(single(bench.rows())).is(Outcome.PAID, kind == SamKind.SOFT ? SettlementState.COMPLETE
                    : SettlementState.DEBITED).amount(200).balances(5_000, 4_800).counter(1).hasProof();
            assertCardAgreesWithLedger(bench, card, 5_000, "garbled debit answer");
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void cardTornAgainWhileBeingRecoveredIsResolvedAtTheNextTap(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard torn = new FaultyCard(card).tearAfter(DEBIT);
            bench.tap(torn);
            torn.tearBefore(INITIALIZE);

            assertEquals(Display.tapAgain(), bench.tap(torn).display());
            assertEquals(IntentState.UNCERTAIN, single(bench.openIntents()).state());
            assertTrue(bench.rows().isEmpty());

            assertEquals(Display.paid(200, 4_800, "adult"), bench.tap(torn).display());
            assertEquals(4_800, card.image().balance());
            assertCardAgreesWithLedger(bench, card, 5_000, "torn twice");
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), () -> "expected one, got " + items);
        return items.get(0);
    }
}
