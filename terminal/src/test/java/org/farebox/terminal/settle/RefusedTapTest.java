package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.RowAssert.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cards the terminal refuses: nothing is debited, the passenger is told why, and the ledger says so too. */
class RefusedTapTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void lowBalanceDebitsNothingAndShowsTheBalance(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(150);

            TapResult result = bench.tap(card);

            assertEquals(Display.lowBalance(150, 200), result.display());
            assertEquals(List.of(result.display()), bench.hmi().shown());
            TapRecord row = single(bench);
            assertRow(row).is(Outcome.LOW_BALANCE, SettlementState.NO_DEBIT).card(card.image().serialNumber())
                    .amount(0).balances(150, 150).noPsam().noProof();
            assertUntouched(card, 150);
            assertTrue(bench.openIntents().isEmpty());
            if (kind == SamKind.PSAM) {
                assertEquals(0, bench.virtualPsam().lastTransactionSerial(), "no PSAM serial for a refused card");
            }
        }
    }

    @Test
    void expiredCardIsRefused() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().issue(bench.cards().profile(5_000)
                    .validity(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 1)));

            TapResult result = bench.tap(card);

            assertEquals(Display.cardExpired(), result.display());
            assertRow(single(bench)).is(Outcome.CARD_EXPIRED, SettlementState.NO_DEBIT).amount(0).noPsam().noProof()
                    .detailContains("2025-06-01");
            assertUntouched(card, 5_000);
        }
    }

    @Test
    void cardIsValidOnItsLastDay() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().issue(bench.cards().profile(5_000)
                    .validity(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 2)));

            assertEquals(Display.paid(200, 4_800, "adult"), bench.tap(card).display());
        }
    }

    @Test
    void cardIsRefusedBeforeItsFirstDayAndPaysOnIt() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().issue(bench.cards().profile(5_000)
                    .validity(LocalDate.of(2025, 6, 3), LocalDate.of(2030, 6, 2)));

            TapResult early = bench.tap(card);
            // 2025-06-02 23:59 Shanghai: still the day before
            bench.clock().advance(Duration.ofHours(15).plusMinutes(59));
            TapResult lastMinute = bench.tap(card);
            bench.clock().advance(Duration.ofMinutes(1));
            TapResult firstDay = bench.tap(card);

            assertEquals(Display.cardNotYetValid(), early.display());
            assertEquals(Display.cardNotYetValid(), lastMinute.display());
            assertEquals(Display.paid(200, 4_800, "adult"), firstDay.display());
            List<TapRecord> rows = bench.rows();
            assertEquals(3, rows.size());
            assertRow(rows.get(0)).is(Outcome.CARD_NOT_YET_VALID, SettlementState.NO_DEBIT).amount(0).noProof();
            assertRow(rows.get(1)).is(Outcome.CARD_NOT_YET_VALID, SettlementState.NO_DEBIT).amount(0).noProof();
            assertRow(rows.get(2)).is(Outcome.PAID, SettlementState.COMPLETE).amount(200).counter(1).hasProof();
            assertEquals(4_800, card.image().balance());
        }
    }

    @Test
    void cardOfAnIssuerTheOperatorDoesNotAcceptIsRefused() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().issue(bench.cards().profile(5_000)
                    .issuerId(Hex.parse("02005101FFFFFFFF")));

            TapResult result = bench.tap(card);

            assertEquals(Display.cardRejected("UNKNOWN ISSUER"), result.display());
            assertRow(single(bench)).is(Outcome.UNKNOWN_ISSUER, SettlementState.NO_DEBIT).amount(0).noPsam().noProof()
                    .detailContains("0200");
            assertUntouched(card, 5_000);
        }
    }

    @Test
    void anyIssuerIsAcceptedWhenTheListIsEmpty() {
        try (TerminalBench bench = TerminalBench.in(dir).acceptedIssuers(List.of()).start()) {
            VirtualTUnionCard card = bench.cards().issue(bench.cards().profile(5_000)
                    .issuerId(Hex.parse("02005101FFFFFFFF")));

            assertEquals(Display.paid(200, 4_800, "adult"), bench.tap(card).display());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void deniedCardIsBlockedOnTheCardAndStaysRefusedWhenTheListIsCleared(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            String serial = card.image().serialNumber();
            bench.denyList().replaceAll(Map.of(serial, "reported lost"));

            TapResult denied = bench.tap(card);

            assertEquals(Display.cardBlocked(), denied.display());
            assertRow(single(bench)).is(Outcome.DENIED, SettlementState.NO_DEBIT).card(serial).amount(0).noProof()
                    .detailContains("reported lost");
            assertTrue(card.image().blocked(), "the card's application is blocked on the card itself");
            assertUntouched(card, 5_000);

            bench.denyList().replaceAll(Map.of());
            TapResult again = bench.tap(card);

            assertEquals(Display.cardBlocked(), again.display());
            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size());
            assertRow(rows.get(1)).is(Outcome.CARD_BLOCKED, SettlementState.NO_DEBIT).card(serial).amount(0).noProof();
            assertUntouched(card, 5_000);
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void legacyCardThatOnlyAnswersDf1001StillPays(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().issue(bench.cards().profile(5_000).legacy(true));

            TapResult result = bench.tap(card);

            assertEquals(Display.paid(200, 4_800, "adult"), result.display());
            assertRow(single(bench)).is(Outcome.PAID, SettlementState.COMPLETE).amount(200).balances(5_000, 4_800)
                    .counter(1).psam(bench.psamTerminalNo(), 1).hasProof();
            assertEquals(4_800, card.image().balance());
            assertEquals(1, card.image().offlineCounter());
        }
    }

    private static TapRecord single(TerminalBench bench) {
        List<TapRecord> rows = bench.rows();
        assertEquals(1, rows.size(), () -> "rows: " + rows);
        return rows.get(0);
    }

    private static void assertUntouched(VirtualTUnionCard card, long balance) {
        assertEquals(balance, card.image().balance(), "card balance");
        assertEquals(0, card.image().offlineCounter(), "card counter");
        assertTrue(card.image().purseLog().isEmpty(), "card purse log");
        assertFalse(card.image().locked(), "card locked");
    }
}
