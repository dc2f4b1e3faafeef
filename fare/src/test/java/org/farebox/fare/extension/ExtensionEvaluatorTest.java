package org.farebox.fare.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionEvaluatorTest {
    private static final String SETTINGS = "setting_name,setting_value\ntransport_day_start,04:30\n";
    // 2026-06-08 is a Monday.
    private static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 6, 8, 9, 0);

    static ExtensionEvaluator evaluator(Map<String, String> files) throws ExtensionFileException {
        return new ExtensionEvaluator(new FareExtensionsParser().parse(files));
    }

    static PricedLeg leg(long fen, LocalDateTime t) {
        return new PricedLeg(fen, "adult", "metro", "m1", "card", t);
    }

    private static Adjustment adj(Adjustment.Kind kind, String id, long fen) {
        return new Adjustment(kind, id, fen);
    }

    @Test
    void dayCapMakesTheRideThatReachesItCostOnlyWhatIsLeft() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_settings.txt", SETTINGS,
                "farebox_caps.txt", "cap_id,cap_period,amount\nday,day,10\n"));
        List<LegOutcome> out = e.evaluateAll(List.of(leg(400, MONDAY_9), leg(400, MONDAY_9.plusHours(1)),
                leg(400, MONDAY_9.plusHours(2)), leg(400, MONDAY_9.plusHours(3))), RiderState.EMPTY);
        assertEquals(List.of(400L, 400L, 200L, 0L), out.stream().map(LegOutcome::finalFen).toList());
        assertEquals(List.of(adj(Adjustment.Kind.CAP, "day", 200)), out.get(2).adjustments());
        assertEquals(1000, out.get(3).newState().caps().dayTotalFen());
        assertEquals(LocalDate.of(2026, 6, 8), out.get(3).newState().caps().dayKey());
    }

    @Test
    void rideBeforeTransportDayStartCountsForThePreviousDay() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_settings.txt", SETTINGS,
                "farebox_caps.txt", "cap_id,cap_period,amount\nday,day,10\n"));
        LegOutcome evening = e.evaluate(leg(900, MONDAY_9.withHour(22)), RiderState.EMPTY);
        LegOutcome night = e.evaluate(leg(400, LocalDateTime.of(2026, 6, 9, 4, 29, 59)), evening.newState());
        assertEquals(100, night.finalFen(), "04:29:59 is still Monday's transport day");
        LegOutcome morning = e.evaluate(leg(400, LocalDateTime.of(2026, 6, 9, 4, 30)), night.newState());
        assertEquals(400, morning.finalFen(), "04:30 starts Tuesday: a fresh cap");
        assertEquals(LocalDate.of(2026, 6, 9), morning.newState().caps().dayKey());
        assertEquals(400, morning.newState().caps().dayTotalFen());
    }

    @Test
    void weekCapHoldsAcrossDaysAndResetsOnWeekStart() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_settings.txt", SETTINGS,
                "farebox_caps.txt", "cap_id,cap_period,amount\nweek,week,10\n"));
        RiderState s = RiderState.EMPTY;
        long paid = 0;
        for (int d = 0; d < 7; d++) {
            LegOutcome o = e.evaluate(leg(300, MONDAY_9.plusDays(d)), s);
            paid += o.finalFen();
            s = o.newState();
        }
        assertEquals(1000, paid);
        assertEquals(300, e.evaluate(leg(300, MONDAY_9.plusDays(7)), s).finalFen(), "next Monday starts a new week");
        assertEquals(0, e.evaluate(leg(300, LocalDateTime.of(2026, 6, 15, 4, 0)), s).finalFen(),
                "Monday 04:00 is still Sunday's transport day, in the old week");
    }

    @Test
    void rollingCapCountsTheLastSevenTransportDays() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_caps.txt", "cap_id,cap_period,amount\nr,rolling_7d,10\n"));
        RiderState s = e.evaluate(leg(600, MONDAY_9), RiderState.EMPTY).newState();
        s = e.evaluate(leg(300, MONDAY_9.plusDays(3)), s).newState();
        assertEquals(100, e.evaluate(leg(300, MONDAY_9.plusDays(6)), s).finalFen(), "day 7 still sees Monday's 6 yuan");
        assertEquals(300, e.evaluate(leg(300, MONDAY_9.plusDays(7)), s).finalFen(), "on day 8 Monday has rolled off");
    }

    @Test
    void mostSpecificCapWinsAndLegsOutsideTheCapNetworkDoNotCount() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_caps.txt",
                "cap_id,cap_period,amount,rider_category_id,network_id\nall,day,10,,metro\nstudent,day,5,student,metro\n"));
        PricedLeg studentMetro = new PricedLeg(400, "student", "metro", null, "card", MONDAY_9);
        PricedLeg studentBus = new PricedLeg(400, "student", "bus", null, "card", MONDAY_9);
        LegOutcome first = e.evaluate(studentMetro, RiderState.EMPTY);
        LegOutcome bus = e.evaluate(studentBus, first.newState());
        assertEquals(400, bus.finalFen());
        assertEquals(400, bus.newState().caps().dayTotalFen(), "the bus leg is outside the cap and not counted");
        LegOutcome second = e.evaluate(studentMetro, bus.newState());
        assertEquals(100, second.finalFen());
        assertEquals(List.of(adj(Adjustment.Kind.CAP, "student", 300)), second.adjustments());
    }

    @Test
    void promotionsApplyBeforeCapsSoTheCapCountsDiscountedFares() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of(
                "farebox_caps.txt", "cap_id,cap_period,amount\nday,day,10\n",
                "farebox_promotions.txt", "promotion_id,promotion_type,percent\nhalf,percent_discount,50\n"));
        List<LegOutcome> out = e.evaluateAll(List.of(leg(800, MONDAY_9), leg(800, MONDAY_9), leg(800, MONDAY_9)),
                RiderState.EMPTY);
        assertEquals(List.of(400L, 400L, 200L), out.stream().map(LegOutcome::finalFen).toList());
        assertEquals(List.of(adj(Adjustment.Kind.PROMOTION, "half", 400), adj(Adjustment.Kind.CAP, "day", 200)),
                out.get(2).adjustments());
    }

    @Test
    void percentDiscountIsRoundedHalfUpToTheFen() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_promotions.txt",
                "promotion_id,promotion_type,percent\np,percent_discount,15\n"));
        assertEquals(212, e.evaluate(leg(250, MONDAY_9), RiderState.EMPTY).finalFen(), "discount 37.5 -> 38 fen");
        assertEquals(212, e.evaluate(leg(249, MONDAY_9), RiderState.EMPTY).finalFen(), "discount 37.35 -> 37 fen");
    }

    @Test
    void holidayPromotionAppliesOnlyOnItsTransportDates() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_settings.txt", SETTINGS, "farebox_promotions.txt",
                "promotion_id,promotion_type,amount,dates\nnational_day,fixed_discount,1,20261001\n"));
        assertEquals(100, e.evaluate(leg(200, LocalDateTime.of(2026, 10, 1, 8, 0)), RiderState.EMPTY).finalFen());
        assertEquals(100, e.evaluate(leg(200, LocalDateTime.of(2026, 10, 2, 1, 0)), RiderState.EMPTY).finalFen(),
                "01:00 on Oct 2 is still the holiday's transport day");
        assertEquals(200, e.evaluate(leg(200, LocalDateTime.of(2026, 10, 2, 8, 0)), RiderState.EMPTY).finalFen());
    }

    @Test
    void timeWindowAndWeekdaysLimitAPromotion() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_promotions.txt",
                "promotion_id,promotion_type,amount,start_time,end_time,weekdays\n"
                        + "offpeak,fixed_discount,0.50,10:00,16:00,1111100\n"));
        assertEquals(200, e.evaluate(leg(200, MONDAY_9.withHour(9).withMinute(59)), RiderState.EMPTY).finalFen());
        assertEquals(150, e.evaluate(leg(200, MONDAY_9.withHour(10)), RiderState.EMPTY).finalFen());
        assertEquals(200, e.evaluate(leg(200, MONDAY_9.withHour(16)), RiderState.EMPTY).finalFen(), "end exclusive");
        assertEquals(200, e.evaluate(leg(200, MONDAY_9.plusDays(5).withHour(11)), RiderState.EMPTY).finalFen(),
                "Saturday");
    }

    @Test
    void exclusivePromotionStopsLowerPriorityOnesAndStackingOnesCombine() throws Exception {
        String header = "promotion_id,promotion_type,percent,amount,priority,stacking\n";
        ExtensionEvaluator exclusive = evaluator(Map.of("farebox_promotions.txt", header
                + "big,percent_discount,50,,10,exclusive\nsmall,fixed_discount,,0.20,5,stack\n"));
        assertEquals(List.of(adj(Adjustment.Kind.PROMOTION, "big", 200)),
                exclusive.evaluate(leg(400, MONDAY_9), RiderState.EMPTY).adjustments());
        ExtensionEvaluator stacking = evaluator(Map.of("farebox_promotions.txt", header
                + "big,percent_discount,50,,10,stack\nsmall,fixed_discount,,0.20,5,stack\n"));
        LegOutcome o = stacking.evaluate(leg(400, MONDAY_9), RiderState.EMPTY);
        assertEquals(180, o.finalFen());
        assertEquals(List.of(adj(Adjustment.Kind.PROMOTION, "big", 200), adj(Adjustment.Kind.PROMOTION, "small", 20)),
                o.adjustments());
        ExtensionEvaluator stackThenExclusive = evaluator(Map.of("farebox_promotions.txt", header
                + "big,percent_discount,50,,10,stack\nsmall,fixed_discount,,0.20,5,exclusive\n"));
        assertEquals(200, stackThenExclusive.evaluate(leg(400, MONDAY_9), RiderState.EMPTY).finalFen());
    }

    @Test
    void firstRideOfTheTransportDayIsFreeAndTheSecondIsNot() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_settings.txt", SETTINGS, "farebox_promotions.txt",
                "promotion_id,promotion_type\nfirst,first_ride_free\n"));
        List<LegOutcome> out = e.evaluateAll(List.of(leg(300, MONDAY_9), leg(300, MONDAY_9.plusHours(2)),
                leg(300, MONDAY_9.plusDays(1).withHour(4)), leg(300, MONDAY_9.plusDays(1).withHour(5))), RiderState.EMPTY);
        assertEquals(List.of(0L, 300L, 300L, 0L), out.stream().map(LegOutcome::finalFen).toList());
    }

    @Test
    void firstRideCashbackLeavesTheFareAndReportsThePayback() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_promotions.txt",
                "promotion_id,promotion_type,amount\ncb,first_ride_cashback,0.50\n"));
        LegOutcome first = e.evaluate(leg(300, MONDAY_9), RiderState.EMPTY);
        assertEquals(300, first.finalFen());
        assertEquals(List.of(adj(Adjustment.Kind.CASHBACK, "cb", 50)), first.adjustments());
        assertEquals(List.of(), e.evaluate(leg(300, MONDAY_9), first.newState()).adjustments());
    }

    @Test
    void pointsAreEarnedOnPaidRidesAndRedeemedForADiscount() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of(
                "farebox_caps.txt", "cap_id,cap_period,amount\nday,day,6\n",
                "farebox_promotions.txt", "promotion_id,promotion_type,amount,points\n"
                        + "earn,points_earn,,10\nredeem,points_redeem,1,25\n"));
        RiderState s = RiderState.EMPTY;
        LegOutcome o1 = e.evaluate(leg(300, MONDAY_9), s);
        assertEquals(10, o1.pointsEarned());
        LegOutcome o2 = e.evaluate(leg(300, MONDAY_9), new RiderState(o1.newState().caps(),
                new PromoState(MONDAY_9.toLocalDate(), 30), List.of()));
        assertEquals(200, o2.finalFen());
        assertEquals(List.of(adj(Adjustment.Kind.PROMOTION, "redeem", 100)), o2.adjustments());
        assertEquals(5 + 10, o2.newState().promotions().points(), "30 - 25 redeemed + 10 earned");
        LegOutcome capped = e.evaluate(leg(300, MONDAY_9), o2.newState());
        assertEquals(100, capped.finalFen());
        LegOutcome free = e.evaluate(leg(300, MONDAY_9), capped.newState());
        assertEquals(0, free.finalFen());
        assertEquals(0, free.pointsEarned(), "a ride the cap made free earns nothing");
    }

    @Test
    void voucherPaysAfterCapsAndKeepsTheRest() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of(
                "farebox_caps.txt", "cap_id,cap_period,amount\nday,day,5\n",
                "farebox_vouchers.txt", "voucher_id,face_value,stacks_with_discounts\nv,10,1\n"));
        RiderState s = new RiderState(CapState.EMPTY, PromoState.EMPTY,
                List.of(new HeldVoucher("v", 1000, LocalDate.of(2026, 12, 31))));
        LegOutcome a = e.evaluate(leg(400, MONDAY_9), s);
        assertEquals(0, a.finalFen());
        assertEquals(400, a.fareFen());
        assertEquals(600, a.newState().vouchers().get(0).remainingFen());
        LegOutcome b = e.evaluate(leg(400, MONDAY_9), a.newState());
        assertEquals(List.of(adj(Adjustment.Kind.CAP, "day", 300), adj(Adjustment.Kind.VOUCHER, "v", 100)),
                b.adjustments(), "the voucher pays only the capped fare");
        assertEquals(500, b.newState().vouchers().get(0).remainingFen());
        assertEquals(500, b.newState().caps().dayTotalFen(), "voucher-paid fare counts toward the cap");
    }

    @Test
    void nonStackingVoucherIsNotUsedOnADiscountedLeg() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of(
                "farebox_promotions.txt", "promotion_id,promotion_type,amount\np,fixed_discount,0.10\n",
                "farebox_vouchers.txt", "voucher_id,face_value,network_id\nv,10,metro\n"));
        RiderState s = new RiderState(CapState.EMPTY, PromoState.EMPTY, List.of(new HeldVoucher("v", 1000, null)));
        LegOutcome o = e.evaluate(leg(400, MONDAY_9), s);
        assertEquals(390, o.finalFen());
        assertEquals(1000, o.newState().vouchers().get(0).remainingFen());
    }

    @Test
    void soonestExpiringVoucherIsUsedFirstAndExpiredOnesNotAtAll() throws Exception {
        ExtensionEvaluator e = evaluator(Map.of("farebox_vouchers.txt",
                "voucher_id,face_value,stacks_with_discounts\nv,10,1\n"));
        RiderState s = new RiderState(CapState.EMPTY, PromoState.EMPTY, List.of(
                new HeldVoucher("v", 1000, LocalDate.of(2026, 12, 31)),
                new HeldVoucher("v", 1000, LocalDate.of(2026, 6, 7)),
                new HeldVoucher("v", 150, LocalDate.of(2026, 6, 30)),
                new HeldVoucher("unknown_product", 1000, null)));
        LegOutcome o = e.evaluate(leg(400, MONDAY_9), s);
        assertEquals(0, o.finalFen());
        assertEquals(List.of(1000L - 250, 1000L, 0L, 1000L),
                o.newState().vouchers().stream().map(HeldVoucher::remainingFen).toList());
    }

    @Test
    void negativeOrAbsurdBaseAmountIsRefusedWithAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> leg(-1, MONDAY_9));
        assertEquals("a leg's base amount must be 0..100000000 fen, not -1", e.getMessage());
    }
}
