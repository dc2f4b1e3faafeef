package org.farebox.fare.day;

import static org.farebox.fare.day.ExampleNetwork.bus;
import static org.farebox.fare.day.ExampleNetwork.metro;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.farebox.fare.extension.Adjustment;
import org.junit.jupiter.api.Test;

/**
 * The example network (examples/chengdu-like) prices a scripted passenger day correctly. Track distances used
 * below (farebox_distances.txt): Xiyuan-Kuanzhai 3.5, Kuanzhai-Guangchang 4.0, Guangchang-Chunxi 1.6,
 * Chunxi-Dongqu 3.6, Dongqu-Longquan 6.7, Beihu-Chaguan 2.9, Chaguan-Huoche 2.2, Huoche-Guangchang 4.3,
 * Guangchang-Jinjiang 1.9, Jinjiang-Gaoxin 3.9, Gaoxin-Nanhu 5.0 km. Adult bands: ≤4 km 2, ≤8 3, ≤12 4, ≤18 5,
 * ≤24 6, beyond 7 yuan; students 1 / 1.5 / 2 / 2.5 / 3 / 3.5; seniors free. 2026-03-10 is an ordinary Tuesday.
 */
class ScriptedPassengerDayTest {
    private final DayPricer pricer = ExampleNetwork.pricer();

    private static List<org.farebox.fare.engine.Leg> ordinaryDay(String rider) {
        return List.of(
                bus("B101", "B_XIYUAN", "2026-03-10T07:30", rider),
                metro("M_XIYUAN", "M_GUANGCHANG", "2026-03-10T08:00", "2026-03-10T08:20", rider),
                metro("M_BEIHU", "M_NANHU", "2026-03-10T12:00", "2026-03-10T12:45", rider),
                metro("M_GUANGCHANG", "M_LONGQUAN", "2026-03-10T18:00", "2026-03-10T18:30", rider),
                bus("B103", "B_DONGQU", "2026-03-10T19:00", rider));
    }

    @Test
    void adultPaysBusTransferDistanceBandsUntilTheDailyCapHolds() {
        DayPrice day = pricer.price(ordinaryDay("adult"));

        // 1. Bus 101: flat 2 yuan.                                                        running 2.00
        // 2. Metro Xiyuan-Guangchang 7.5 km (band ≤8 km: 3 yuan), 30 min after the bus:
        //    bus>metro transfer (type 1, -1 yuan): 3 - 1 = 2 yuan.                        running 4.00
        // 3. Metro Beihu-Nanhu 20.2 km (band ≤24 km: 6 yuan), no metro>metro transfer.   running 10.00
        // 4. Metro Guangchang-Longquan 11.9 km (band ≤12 km: 4 yuan); the 12-yuan daily cap leaves 2 yuan:
        //    pays 2, cap takes 2 off.                                                     running 12.00
        // 5. Bus 103 an hour after the metro: 2 - 1 transfer = 1 yuan, all of it waived by the cap.
        assertAmounts(day, 200, 200, 600, 200, 0);
        assertEquals(1200, day.totalFen());
        assertEquals(List.of("bus", "metro", "metro", "metro", "bus"),
                day.legs().stream().map(PricedDayLeg::rule).toList());
        assertEquals(List.of("bus_flat", "metro_distance", "metro_distance", "metro_distance", "bus_flat"),
                day.legs().stream().map(PricedDayLeg::product).toList());
        assertEquals("bus>metro via bus_metro_transfer", day.legs().get(1).transferName().orElseThrow());
        assertEquals("metro>bus via bus_metro_transfer", day.legs().get(4).transferName().orElseThrow());
        assertEquals(List.of(new Adjustment(Adjustment.Kind.CAP, "daily_adult", 200)), day.legs().get(3).adjustments());
        assertEquals(List.of(new Adjustment(Adjustment.Kind.CAP, "daily_adult", 100)), day.legs().get(4).adjustments());
        assertEquals(100, day.legs().get(4).baseFen());
    }

    @Test
    void adultsNightRideBelongsToTheTransportDayUntilHalfPastFour() {
        List<org.farebox.fare.engine.Leg> legs = new java.util.ArrayList<>(ordinaryDay("adult"));
        // 01:00 on the 11th is still transport day 10 March (day starts 04:30): the cap waives it.
        legs.add(bus("B102", "B_WENSHU", "2026-03-11T01:00", "adult"));
        // 04:30 on the 11th starts a new transport day: 2 yuan again (the last metro was 10 h before, no transfer).
        legs.add(bus("B102", "B_WENSHU", "2026-03-11T04:30", "adult"));

        DayPrice day = pricer.price(legs);

        assertAmounts(day, 200, 200, 600, 200, 0, 0, 200);
        assertEquals(Map.of(LocalDate.of(2026, 3, 10), 1200L, LocalDate.of(2026, 3, 11), 200L),
                day.totalsByTransportDay());
        assertEquals(1400, day.totalFen());
    }

    @Test
    void studentPaysHalfAndHitsTheSixYuanCap() {
        DayPrice day = pricer.price(ordinaryDay("student"));

        // 1. Bus: 1 yuan.                                                   running 1.00
        // 2. Metro 7.5 km student band 1.50, transfer -0.50: 1 yuan.        running 2.00
        // 3. Metro 20.2 km: 3 yuan.                                         running 5.00
        // 4. Metro 11.9 km: 2 yuan, cap 6 leaves 1: pays 1, cap 1 off.      running 6.00
        // 5. Bus with transfer: 1 - 0.50 = 0.50, waived by the cap.
        assertAmounts(day, 100, 100, 300, 100, 0);
        assertEquals(600, day.totalFen());
        assertEquals(List.of(new Adjustment(Adjustment.Kind.CAP, "daily_student", 50)), day.legs().get(4).adjustments());
    }

    @Test
    void seniorRidesFree() {
        DayPrice day = pricer.price(ordinaryDay("senior"));

        // Every product has a 0-yuan senior row (bus flat, metro band "any distance"); there is no senior
        // transfer product, so no transfer applies, which costs nothing either.
        assertAmounts(day, 0, 0, 0, 0, 0);
        assertEquals(0, day.totalFen());
        assertEquals(List.of("bus_flat", "metro_distance", "metro_distance", "metro_distance", "bus_flat"),
                day.legs().stream().map(PricedDayLeg::product).toList());
    }

    @Test
    void riderWithoutCategoryIsPricedAsTheDefaultAdult() {
        assertEquals(1200, pricer.price(ordinaryDay("")).totalFen());
    }

    @Test
    void holidayHalvesEveryFareAndTheCapCountsTheHalvedFares() {
        // 1 October 2026 (National Day) is in farebox_promotions.txt: holiday_half, 50 % off.
        List<org.farebox.fare.engine.Leg> legs = List.of(
                bus("B101", "B_XIYUAN", "2026-10-01T07:30", "adult"),
                metro("M_XIYUAN", "M_GUANGCHANG", "2026-10-01T08:00", "2026-10-01T08:20", "adult"),
                metro("M_BEIHU", "M_NANHU", "2026-10-01T12:00", "2026-10-01T12:45", "adult"),
                metro("M_GUANGCHANG", "M_LONGQUAN", "2026-10-01T18:00", "2026-10-01T18:30", "adult"),
                bus("B103", "B_DONGQU", "2026-10-01T19:00", "adult"),
                metro("M_BEIHU", "M_LONGQUAN", "2026-10-01T20:00", "2026-10-01T20:50", "adult"),
                metro("M_NANHU", "M_XIYUAN", "2026-10-01T21:00", "2026-10-01T21:50", "adult"));

        DayPrice day = pricer.price(legs);

        // 1. Bus 2 -> half 1.00.                                             running 1.00
        // 2. Metro 3 - 1 transfer = 2 -> half 1.00.                          running 2.00
        // 3. Metro 6 -> 3.00.                                                running 5.00
        // 4. Metro 4 -> 2.00.                                                running 7.00
        // 5. Bus 2 - 1 transfer = 1 -> 0.50.                                 running 7.50
        // 6. Metro Beihu-Longquan 9.4 + 11.9 = 21.3 km: 6, bus>metro transfer 40 min after the bus: 5 -> 2.50.
        //                                                                    running 10.00
        // 7. Metro Nanhu-Xiyuan 10.8 + 7.5 = 18.3 km: 6 -> 3.00, the cap leaves 2.00: pays 2, cap 1 off.
        assertAmounts(day, 100, 100, 300, 200, 50, 250, 200);
        assertEquals(1200, day.totalFen());
        assertEquals(List.of(new Adjustment(Adjustment.Kind.PROMOTION, "holiday_half", 300),
                new Adjustment(Adjustment.Kind.CAP, "daily_adult", 100)), day.legs().get(6).adjustments());
        assertEquals(500, day.legs().get(5).baseFen());
    }

    @Test
    void legsOutOfTimeOrderAreRefused() {
        List<org.farebox.fare.engine.Leg> legs = List.of(bus("B101", "B_XIYUAN", "2026-03-10T09:00", "adult"),
                bus("B101", "B_XIYUAN", "2026-03-10T08:00", "adult"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> pricer.price(legs));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("legs[1]"), e.getMessage());
    }

    @Test
    void legOnAnUnknownRouteCostsNothingAndMarksTheDayIncomplete() {
        DayPrice day = pricer.price(List.of(bus("B999", "B_XIYUAN", "2026-03-10T09:00", "adult"),
                bus("B101", "B_XIYUAN", "2026-03-10T10:00", "adult")));
        assertAmounts(day, 0, 200);
        assertEquals(false, day.complete());
        assertEquals(false, day.legs().get(0).known());
    }

    private static void assertAmounts(DayPrice day, long... expected) {
        assertEquals(java.util.Arrays.stream(expected).boxed().toList(),
                day.legs().stream().map(PricedDayLeg::amountFen).toList());
    }
}
