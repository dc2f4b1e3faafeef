package org.farebox.clearing.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.farebox.clearing.store.AccountRow;
import org.farebox.clearing.store.AdjustmentRecord;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.fare.gtfs.GtfsCompiler;
import org.farebox.fare.model.FareTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-rating account days against the example network; run on SQLite and PostgreSQL by the subclasses. */
abstract class RerateContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final FareTable TABLE = new GtfsCompiler().compile(Path.of("..", "examples", "chengdu-like"),
            GtfsCompiler.Options.defaults()).table().orElseThrow();

    ClearingStore store;

    abstract ClearingStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /**
     * ACC-1's ordinary day (see ScriptedPassengerDayTest in the fare module) on three terminals that could not see
     * each other: bus 2; gate charged 3 for 7.5 km (no transfer seen; due 2); 6 for 20.2 km (right); 4 for 11.9 km
     * (cap not seen; due 2); bus 2 at 19:00 (transfer and cap not seen; due 0). ACC-2 was charged right; a card row
     * and a denied account tap on the same day are not account rides.
     */
    void storeOrdinaryDay() {
        AccountTerminal bus1 = new AccountTerminal("BUS1")
                .tap("ACC-1", "2026-03-10T07:30", "B101", "B_XIYUAN", "adult", 200)
                .row("0000000000001234", 2, "2026-03-10T07:40", "B101", "B_XIYUAN", "adult", 200, "PAID")
                .tap("ACC-2", "2026-03-10T09:00", "B101", "B_XIYUAN", "student", 100);
        AccountTerminal gate = new AccountTerminal("GATE1")
                .tap("ACC-1", "2026-03-10T08:00", "metro", "M_XIYUAN>M_GUANGCHANG", "adult", 300)
                .tap("ACC-1", "2026-03-10T12:00", "metro", "M_BEIHU>M_NANHU", "adult", 600)
                .row("ACC-1", AccountRow.ACCOUNT_CARD_TYPE, "2026-03-10T13:00", "metro", "M_BEIHU", "adult", 0,
                        "DENIED")
                .tap("ACC-1", "2026-03-10T18:00", "metro", "M_GUANGCHANG>M_LONGQUAN", "adult", 400);
        AccountTerminal bus3 = new AccountTerminal("BUS3")
                .tap("ACC-1", "2026-03-10T19:00", "B103", "B_DONGQU", "adult", 200);
        store.store(bus1.batch(1));
        store.store(gate.batch(1));
        store.store(bus3.batch(1));
    }

    @Test
    void accountDayAcrossTerminalsGetsTransferAndCapAdjustments() {
        storeOrdinaryDay();

        RerateResult result = new ReRater(store, TABLE).rerate(DAY);

        assertEquals(2, result.accounts());
        assertEquals(6, result.legs());
        List<AdjustmentRecord> stored = store.adjustments(Optional.of(DAY));
        assertEquals(result.adjustments(), stored);
        // leg 2: 3 - 1 transfer = 2; leg 4: 4 capped to 2; leg 5: 2 - 1 transfer = 1, capped to 0.
        assertEquals(List.of("GATE1#1:300>200", "GATE1#4:400>200", "BUS3#1:200>0"), stored.stream()
                .map(a -> a.terminalId() + "#" + a.rowSeq() + ":" + a.chargedFen() + ">" + a.reratedFen()).toList());
        assertEquals(List.of(2, 4, 5), stored.stream().map(AdjustmentRecord::legSeq).toList());
        assertEquals(-500, result.totalDifferenceFen());
        assertTrue(stored.get(0).reason().contains("transfer bus>metro"), stored.get(0).reason());
        assertTrue(stored.get(1).reason().contains("cap daily_adult -200"), stored.get(1).reason());
        assertEquals(3, result.inserted());
    }

    @Test
    void reratingTwiceChangesNothing() {
        storeOrdinaryDay();
        ReRater rerater = new ReRater(store, TABLE);
        rerater.rerate(DAY);
        List<AdjustmentRecord> first = store.adjustments(Optional.empty());

        RerateResult again = rerater.rerate(DAY);

        assertEquals(0, again.inserted());
        assertEquals(0, again.deleted());
        assertEquals(3, again.unchanged());
        assertEquals(first, store.adjustments(Optional.empty()));
    }

    @Test
    void lateRowReplacesAdjustmentsThatNoLongerHold() {
        AccountTerminal gate = new AccountTerminal("GATE1")
                .tap("ACC-1", "2026-03-10T08:00", "metro", "M_XIYUAN>M_GUANGCHANG", "adult", 300);
        store.store(gate.batch(1));
        ReRater rerater = new ReRater(store, TABLE);
        assertEquals(0, rerater.rerate(DAY).adjustments().size()); // alone, 3 yuan is right

        // The bus's batch arrives a day late: now the metro leg was a transfer.
        store.store(new AccountTerminal("BUS1").tap("ACC-1", "2026-03-10T07:30", "B101", "B_XIYUAN", "adult", 200)
                .batch(1));
        RerateResult result = rerater.rerate(DAY);

        assertEquals(1, result.inserted());
        AdjustmentRecord a = store.adjustments(Optional.of(DAY)).get(0);
        assertEquals(2, a.legSeq());
        assertEquals(-100, a.differenceFen());
    }

    @Test
    void nightRideBeforeHalfPastFourBelongsToThePreviousTransportDay() {
        store.store(new AccountTerminal("BUS1")
                .tap("ACC-1", "2026-03-10T07:30", "B101", "B_XIYUAN", "adult", 200)
                .tap("ACC-1", "2026-03-11T03:00", "B101", "B_XIYUAN", "adult", 200)
                .tap("ACC-1", "2026-03-11T05:00", "B101", "B_XIYUAN", "adult", 200).batch(1));

        assertEquals(2, new ReRater(store, TABLE).rerate(DAY).legs());
        assertEquals(1, new ReRater(store, TABLE).rerate(DAY.plusDays(1)).legs());
    }

    @Test
    void randomDaysRerateIdempotentlyAndStayWithinTheCap() {
        Random random = new Random(4242L);
        String[] metro = {"M_BEIHU", "M_HUOCHE", "M_GUANGCHANG", "M_NANHU", "M_XIYUAN", "M_LONGQUAN"};
        AccountTerminal[] terminals = {new AccountTerminal("T1"), new AccountTerminal("T2"), new AccountTerminal("T3")};
        for (int account = 0; account < 6; account++) {
            int minute = 5 * 60;
            for (int ride = 0; ride < 1 + random.nextInt(8); ride++) {
                minute += 10 + random.nextInt(150);
                String local = String.format("2026-03-10T%02d:%02d", Math.min(minute / 60, 23), minute % 60);
                AccountTerminal t = terminals[random.nextInt(terminals.length)];
                if (random.nextBoolean()) {
                    t.tap("ACC-" + account, local, "B10" + (1 + random.nextInt(3)), "B_XIYUAN", "adult",
                            200 + 100L * random.nextInt(2));
                } else {
                    t.tap("ACC-" + account, local, "metro", metro[random.nextInt(metro.length)] + ">"
                            + metro[random.nextInt(metro.length)], "adult", 100L * random.nextInt(8));
                }
            }
        }
        for (AccountTerminal t : terminals) {
            if (t.size() > 0) {
                store.store(t.batch(1));
            }
        }
        ReRater rerater = new ReRater(store, TABLE);
        RerateResult first = rerater.rerate(DAY);
        List<AdjustmentRecord> stored = store.adjustments(Optional.of(DAY));
        RerateResult second = rerater.rerate(DAY);

        assertFalse(first.adjustments().isEmpty());
        assertEquals(0, second.inserted() + second.deleted());
        assertEquals(stored, store.adjustments(Optional.of(DAY)));
        // What each account owes after adjustments never exceeds the 12-yuan adult day cap.
        for (int account = 0; account < 6; account++) {
            String id = "ACC-" + account;
            long charged = store.accountRows(Instant.parse("2026-03-09T20:30:00Z"), Instant.parse("2026-03-10T20:30:00Z"))
                    .stream().filter(r -> r.accountId().equals(id)).mapToLong(AccountRow::amountFen).sum();
            long difference = stored.stream().filter(a -> a.accountId().equals(id))
                    .mapToLong(AdjustmentRecord::differenceFen).sum();
            assertTrue(charged + difference <= 1200, id + " owes " + (charged + difference));
        }
    }
}
