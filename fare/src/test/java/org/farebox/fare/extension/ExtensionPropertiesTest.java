package org.farebox.fare.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Property-style tests over seeded random rules and rides. */
class ExtensionPropertiesTest {
    private static final int RUNS = 300;
    private static final String[] CATEGORIES = {"adult", "student"};
    private static final String[] NETWORKS = {"metro", "bus"};

    @Test
    void dayTotalNeverExceedsTheDayCapAndAmountsAreNeverNegative() {
        Random random = new Random(4_2026);
        for (int run = 0; run < RUNS; run++) {
            long dayCap = 100 + random.nextInt(2_000);
            FareExtensions ext = randomExtensions(random, List.of(new Cap("day", CapPeriod.DAY, dayCap, Scope.ALL)));
            List<PricedLeg> legs = randomLegs(random, ext.settings());
            List<LegOutcome> out = new ExtensionEvaluator(ext).evaluateAll(legs, randomState(random));
            Map<LocalDate, Long> perDay = new HashMap<>();
            for (int i = 0; i < legs.size(); i++) {
                LegOutcome o = out.get(i);
                assertTrue(o.finalFen() >= 0 && o.fareFen() >= o.finalFen() && o.fareFen() <= legs.get(i).baseFen(),
                        "run " + run + " leg " + i + ": " + o);
                LocalDate day = ext.settings().transportDay(legs.get(i).localTime());
                long total = perDay.merge(day, o.fareFen(), Long::sum);
                assertTrue(total <= dayCap, "run " + run + ": day " + day + " total " + total + " > cap " + dayCap);
                assertEquals(total, o.newState().caps().dayTotalFen(), "state tracks the day's total");
                assertTrue(o.adjustments().stream().allMatch(a -> a.fen() > 0));
            }
        }
    }

    @Test
    void weekAndRollingTotalsNeverExceedTheirCaps() {
        Random random = new Random(77);
        for (int run = 0; run < RUNS; run++) {
            long weekCap = 500 + random.nextInt(5_000);
            long rollingCap = 500 + random.nextInt(5_000);
            FareExtensions ext = randomExtensions(random, List.of(new Cap("w", CapPeriod.WEEK, weekCap, Scope.ALL),
                    new Cap("r", CapPeriod.ROLLING_7D, rollingCap, Scope.ALL)));
            List<PricedLeg> legs = randomLegs(random, ext.settings());
            List<LegOutcome> out = new ExtensionEvaluator(ext).evaluateAll(legs, RiderState.EMPTY);
            Map<LocalDate, Long> perWeek = new HashMap<>();
            Map<LocalDate, Long> perDay = new HashMap<>();
            for (int i = 0; i < legs.size(); i++) {
                LocalDate day = ext.settings().transportDay(legs.get(i).localTime());
                long fare = out.get(i).fareFen();
                assertTrue(perWeek.merge(ext.settings().weekKey(day), fare, Long::sum) <= weekCap, "run " + run);
                perDay.merge(day, fare, Long::sum);
                long last7 = perDay.entrySet().stream().filter(e -> !e.getKey().isBefore(day.minusDays(6))
                        && !e.getKey().isAfter(day)).mapToLong(Map.Entry::getValue).sum();
                assertTrue(last7 <= rollingCap, "run " + run + ": 7 days to " + day + " = " + last7);
            }
        }
    }

    @Test
    void sameLegsFromTheSameStateGiveTheSameOutcomes() {
        Random random = new Random(9);
        for (int run = 0; run < RUNS / 3; run++) {
            FareExtensions ext = randomExtensions(random, List.of(new Cap("day", CapPeriod.DAY, 900, Scope.ALL)));
            List<PricedLeg> legs = randomLegs(random, ext.settings());
            RiderState start = randomState(random);
            List<LegOutcome> first = new ExtensionEvaluator(ext).evaluateAll(legs, start);
            List<LegOutcome> second = new ExtensionEvaluator(ext).evaluateAll(legs, start);
            assertEquals(first, second, "run " + run);
        }
    }

    @Test
    void voucherValueNeverGoesBelowZeroAndIsSpentExactlyAsReported() {
        Random random = new Random(31);
        for (int run = 0; run < RUNS; run++) {
            FareExtensions ext = randomExtensions(random, List.of());
            List<PricedLeg> legs = randomLegs(random, ext.settings());
            RiderState state = randomState(random);
            for (PricedLeg leg : legs) {
                LegOutcome o = new ExtensionEvaluator(ext).evaluate(leg, state);
                long before = state.vouchers().stream().mapToLong(HeldVoucher::remainingFen).sum();
                long after = o.newState().vouchers().stream().mapToLong(HeldVoucher::remainingFen).sum();
                assertTrue(o.newState().vouchers().stream().allMatch(v -> v.remainingFen() >= 0));
                assertEquals(before - after, o.total(Adjustment.Kind.VOUCHER), "run " + run);
                assertEquals(o.fareFen() - o.finalFen(), o.total(Adjustment.Kind.VOUCHER), "run " + run);
                state = o.newState();
            }
        }
    }

    @Test
    void transportDayBoundaryResetsTheDayTotalAtItsStartAndNotBefore() {
        Random random = new Random(430);
        for (int run = 0; run < RUNS; run++) {
            LocalTime start = LocalTime.of(random.nextInt(24), random.nextInt(60));
            FareSettings settings = new FareSettings(start, DayOfWeek.MONDAY);
            FareExtensions ext = new FareExtensions(settings,
                    List.of(new Cap("day", CapPeriod.DAY, 100_000, Scope.ALL)), List.of(), List.of());
            ExtensionEvaluator e = new ExtensionEvaluator(ext);
            LocalDateTime boundary = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700)).atTime(start);
            LocalDateTime earlier = boundary.minusSeconds(1 + random.nextInt(20 * 3600));
            LegOutcome first = e.evaluate(leg(300, earlier), RiderState.EMPTY);
            LegOutcome justBefore = e.evaluate(leg(200, boundary.minusSeconds(1)), first.newState());
            LegOutcome atStart = e.evaluate(leg(200, boundary), justBefore.newState());
            // earlier is less than 24 h before the boundary, so it is in the same transport day as boundary - 1 s.
            assertEquals(boundary.toLocalDate().minusDays(1), justBefore.newState().caps().dayKey(), "run " + run);
            assertEquals(500, justBefore.newState().caps().dayTotalFen(), "run " + run + " start " + start);
            assertEquals(boundary.toLocalDate(), atStart.newState().caps().dayKey(), "run " + run);
            assertEquals(200, atStart.newState().caps().dayTotalFen(), "run " + run);
        }
    }

    private static PricedLeg leg(long fen, LocalDateTime t) {
        return new PricedLeg(fen, "adult", "metro", null, "card", t);
    }

    private static FareExtensions randomExtensions(Random r, List<Cap> caps) {
        FareSettings settings = new FareSettings(LocalTime.of(r.nextInt(6), r.nextInt(60)), DayOfWeek.of(1 + r.nextInt(7)));
        List<Promotion> promotions = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            PromotionType type = PromotionType.values()[r.nextInt(PromotionType.values().length)];
            int startHour = r.nextInt(20);
            PromotionWhen when = r.nextBoolean() ? PromotionWhen.ALWAYS : new PromotionWhen(startHour * 3600,
                    (startHour + 1 + r.nextInt(4)) * 3600, EnumSet.of(DayOfWeek.of(1 + r.nextInt(7))), Set.of(),
                    null, null);
            Scope scope = r.nextBoolean() ? Scope.ALL : new Scope(null, NETWORKS[r.nextInt(2)], null, null);
            promotions.add(new Promotion("p" + i, type, 1 + r.nextInt(10_000), 1 + r.nextInt(500), 1 + r.nextInt(50),
                    scope, when, r.nextInt(3), r.nextBoolean()));
        }
        List<Voucher> vouchers = List.of(new Voucher("v1", 1000, 0, null, null, Scope.ALL, true),
                new Voucher("v2", 500, 10, null, null, new Scope(null, "bus", null, null), false));
        return new FareExtensions(settings, caps, promotions, vouchers);
    }

    private static List<PricedLeg> randomLegs(Random r, FareSettings settings) {
        List<PricedLeg> legs = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2026, 3, 1, 0, 0).plusMinutes(r.nextInt(60 * 24 * 30));
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            t = t.plusMinutes(r.nextInt(r.nextInt(5) == 0 ? 3 * 24 * 60 : 240));
            legs.add(new PricedLeg(r.nextInt(1_500), CATEGORIES[r.nextInt(2)], NETWORKS[r.nextInt(2)], null, "card", t));
        }
        return legs;
    }

    private static RiderState randomState(Random r) {
        List<HeldVoucher> held = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            held.add(new HeldVoucher(r.nextBoolean() ? "v1" : "v2", r.nextInt(1200),
                    r.nextBoolean() ? null : LocalDate.of(2026, 3, 1).plusDays(r.nextInt(60))));
        }
        return new RiderState(CapState.EMPTY, new PromoState(null, r.nextInt(200)), held);
    }
}
