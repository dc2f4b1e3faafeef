package org.farebox.terminal.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.farebox.terminal.testkit.TestCards;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A terminal whose keys do not match the cards must not lock the passengers' cards. */
class KeyMismatchTest {
    @TempDir
    Path dir;

    private static TestCards foreignCards() {
        return new TestCards(MasterKeys.generate(new Random(99), 1, 1, 1), "3104510199");
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void cardThatRefusedMac1IsNotSentDebitAgain(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = foreignCards().adult(5_000);

            bench.tap(card);
            TapResult again = bench.tap(card);

            assertEquals(Display.cardRejected("CARD ERROR"), again.display());
            assertEquals(1, card.image().macFailureCount(), "the second tap must not cost the card another MAC failure");
            assertEquals(5_000, card.image().balance());
            assertEquals(Outcome.CARD_ERROR, again.rows().get(0).outcome());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void twoDifferentCardsRefusingMac1PutTheTerminalOutOfService(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            TestCards foreign = foreignCards();
            TapResult first = bench.tap(foreign.adult(5_000));
            TapResult second = bench.tap(foreign.adult(5_000));
            VirtualTUnionCard good = bench.cards().adult(5_000);

            TapResult third = bench.tap(good);

            assertEquals(SettlementState.VOID, first.rows().get(0).state());
            assertEquals(SettlementState.VOID, second.rows().get(0).state());
            assertEquals(Display.outOfService("KEY MISMATCH"), third.display());
            assertEquals(0, good.image().macFailureCount());
            assertEquals(5_000, good.image().balance());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void aGoodCardBetweenTwoForeignCardsKeepsTheTerminalInService(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            TestCards foreign = foreignCards();
            bench.tap(foreign.adult(5_000));
            bench.tap(bench.cards().adult(5_000));
            bench.tap(foreign.adult(5_000));

            TapResult next = bench.tap(bench.cards().adult(5_000));

            assertEquals(Display.paid(200, 4_800, "adult"), next.display());
        }
    }
}
