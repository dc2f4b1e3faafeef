package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.CardLedgerAssert.assertCardAgreesWithLedger;
import static org.farebox.terminal.testkit.RowAssert.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.farebox.simulator.card.FaultyCard;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The passenger pulls the card away at every command of the purchase in turn, before the card sees it or
 * after it ran with the answer lost. Whatever the moment: the passenger is asked to tap again, the ledger
 * holds a row or an UNCERTAIN intent wherever money may have moved, the next passenger's card pays, and
 * the torn card, back in the field, ends up charged exactly once.
 */
class TornPurchaseTest {
    private static final int SELECT = 0xA4;
    private static final int READ_BINARY = 0xB0;
    private static final int READ_RECORD = 0xB2;
    private static final int INITIALIZE = 0x50;
    private static final int UPDATE_CAPP_CACHE = 0xDC;
    private static final int DEBIT = 0x54;

    @TempDir
    Path dir;

    /** What the tear leaves behind. */
    enum Aftermath {
        /** Torn before any intent: nothing to record. */
        NOTHING,
        /** Torn after the intent but before DEBIT was sent: the purchase is void at once. */
        VOID,
        /** Torn around DEBIT: the card may have debited; an UNCERTAIN intent waits for it. */
        UNCERTAIN
    }

    static Stream<Arguments> tears() {
        List<Arguments> all = new ArrayList<>();
        for (SamKind sam : SamKind.values()) {
            for (boolean after : new boolean[] {false, true}) {
                all.add(Arguments.of(SELECT, after, Aftermath.NOTHING, sam));
                all.add(Arguments.of(READ_BINARY, after, Aftermath.NOTHING, sam));
                all.add(Arguments.of(READ_RECORD, after, Aftermath.NOTHING, sam));
                all.add(Arguments.of(INITIALIZE, after, Aftermath.NOTHING, sam));
                all.add(Arguments.of(UPDATE_CAPP_CACHE, after, Aftermath.VOID, sam));
                all.add(Arguments.of(DEBIT, after, Aftermath.UNCERTAIN, sam));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "INS {0} tear after={1}: {2} ({3})")
    @MethodSource("tears")
    void cardTornAtAnyCommandIsChargedExactlyOnceWhenItComesBack(int ins, boolean tearAfter, Aftermath aftermath,
            SamKind sam) {
        try (TerminalBench bench = TerminalBench.start(dir, sam)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            String serial = card.image().serialNumber();
            FaultyCard torn = tearAfter ? new FaultyCard(card).tearAfter(ins) : new FaultyCard(card).tearBefore(ins);
            boolean debited = ins == DEBIT && tearAfter;

            TapResult tear = bench.tap(torn);

            assertEquals(Display.tapAgain(), tear.display(), "the passenger is asked to tap again");
            assertEquals(debited ? 4_800 : 5_000, card.image().balance());
            List<PurchaseIntent> open = bench.openIntentsOf(serial);
            switch (aftermath) {
                case NOTHING:
                    assertTrue(bench.rows().isEmpty(), () -> "rows " + bench.rows());
                    assertTrue(open.isEmpty());
                    break;
                case VOID:
                    assertRow(single(bench.rows())).is(Outcome.VOIDED, SettlementState.VOID).card(serial).amount(0)
                            .balances(5_000, 5_000).counter(0).psam(bench.psamTerminalNo(), 1).noProof();
                    assertTrue(open.isEmpty());
                    break;
                default:
                    assertTrue(bench.rows().isEmpty(), () -> "rows " + bench.rows());
                    assertEquals(1, open.size());
                    PurchaseIntent intent = open.get(0);
                    assertEquals(IntentState.UNCERTAIN, intent.state());
                    assertEquals(200, intent.amountFen());
                    assertEquals(0, intent.initCounter());
                    assertEquals(bench.clock().instant().plus(Duration.ofSeconds(120)), intent.expiresAt());
                    break;
            }

            bench.clock().advance(Duration.ofSeconds(5));
            VirtualTUnionCard next = bench.cards().adult(1_000);
            TapResult nextPassenger = bench.tap(next);

            assertEquals(Display.paid(200, 800, "adult"), nextPassenger.display(), "the terminal keeps going");
            assertCardAgreesWithLedger(bench, next, 1_000, "next passenger");

            bench.clock().advance(Duration.ofSeconds(10));
            TapResult back = bench.tap(torn);

            assertEquals(Display.paid(200, 4_800, "adult"), back.display());
            assertEquals(4_800, card.image().balance(), "charged exactly once");
            assertEquals(1, card.image().offlineCounter());
            assertCardAgreesWithLedger(bench, card, 5_000, "torn card back");
            assertTrue(bench.openIntents().isEmpty());
            List<TapRecord> rows = bench.rowsOf(serial);
            TapRecord paid = rows.get(rows.size() - 1);
            SettlementState expectedState = debited && sam == SamKind.PSAM ? SettlementState.DEBITED
                    : SettlementState.COMPLETE;
            assertRow(paid).is(Outcome.PAID, expectedState).amount(200).balances(5_000, 4_800).counter(1).hasProof();
            int expectedRows = aftermath == Aftermath.NOTHING || debited ? 1 : 2;
            assertEquals(expectedRows, rows.size(), () -> "rows of the torn card " + rows);
            if (expectedRows == 2) {
                assertRow(rows.get(0)).is(Outcome.VOIDED, SettlementState.VOID).amount(0).noProof();
            }
            assertTrue(bench.ledger().verify().intact(), bench.ledger().verify().message());
        }
    }

    private static TapRecord single(List<TapRecord> rows) {
        assertEquals(1, rows.size(), () -> "rows: " + rows);
        return rows.get(0);
    }
}
