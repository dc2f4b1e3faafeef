package org.farebox.fare.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.farebox.fare.model.DistanceBand;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceFares;
import org.farebox.fare.model.DistanceMatrix;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegJoinRule;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.farebox.fare.model.RiderCategory;
import org.farebox.fare.model.ServiceCalendar;
import org.farebox.fare.model.Stop;
import org.farebox.fare.model.StopArea;
import org.farebox.fare.model.Timeframe;
import org.junit.jupiter.api.Test;

/** The engine's GTFS-Fares v2 semantics beyond the OTP scenarios, on small hand-built tables. */
class FareEngineTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final FareEngine engine = new FareEngine();

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    private static Leg leg(String network, String from, String to, Instant dep, int minutes) {
        return new Leg(network, "", from, to, dep, Optional.of(dep.plusSeconds(minutes * 60L)), "", "");
    }

    private static FareTable.Builder cny() {
        return FareTable.builder().zone(SHANGHAI).currency("CNY");
    }

    @Test
    void platformTakesItsStationsAreasUnlessItHasItsOwn() {
        FareTable t = cny().stop(Stop.of("STN")).stop(new Stop("P1", "STN")).stop(new Stop("P2", "STN"))
                .stopArea(new StopArea("centre", "STN")).stopArea(new StopArea("airport", "P2"))
                .fareProduct(FareProduct.of("centre-fare", 200, "CNY"))
                .fareProduct(FareProduct.of("airport-fare", 2500, "CNY"))
                .legRule(new FareLegRule("g", "", "centre", "", "", "", "centre-fare", 0))
                .legRule(new FareLegRule("g", "", "airport", "", "", "", "airport-fare", 0)).build();
        Instant t0 = local(2026, 3, 2, 9, 0);
        assertEquals(200, engine.priceLeg(t, Leg.tapOn("", "P1", t0)).amountFen());
        assertEquals(2500, engine.priceLeg(t, Leg.tapOn("", "P2", t0)).amountFen());
    }

    @Test
    void timeframeNeedsItsCalendarOnTheLocalDateOfTheTap() {
        ServiceCalendar weekdays = new ServiceCalendar("wk", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Set.of(), Set.of(LocalDate.of(2026, 3, 3)));
        FareTable t = cny().calendar(weekdays).timeframe(new Timeframe("peak", 7 * 3600, 9 * 3600, "wk"))
                .fareProduct(FareProduct.of("peak", 300, "CNY")).fareProduct(FareProduct.of("offpeak", 200, "CNY"))
                .legRule(new FareLegRule("g", "", "", "", "peak", "", "peak", 0))
                .legRule(new FareLegRule("g", "", "", "", "", "", "offpeak", 0)).build();
        // Monday 2 March 2026, 08:00 local = 00:00 UTC: peak.
        assertEquals(300, engine.priceLeg(t, Leg.tapOn("", "s", local(2026, 3, 2, 8, 0))).amountFen());
        // A removed date (Tuesday 3 March) and a Saturday are off-peak; so is 09:00 (end exclusive).
        assertEquals(200, engine.priceLeg(t, Leg.tapOn("", "s", local(2026, 3, 3, 8, 0))).amountFen());
        assertEquals(200, engine.priceLeg(t, Leg.tapOn("", "s", local(2026, 3, 7, 8, 0))).amountFen());
        assertEquals(200, engine.priceLeg(t, Leg.tapOn("", "s", local(2026, 3, 2, 9, 0))).amountFen());
    }

    @Test
    void riderCategoryPicksItsRowAndNoCategoryMeansTheDefault() {
        FareTable t = cny().riderCategory(new RiderCategory("adult", "Adult", true))
                .riderCategory(new RiderCategory("student", "Student", false))
                .riderCategory(new RiderCategory("staff", "Staff", false))
                .fareProduct(new FareProduct("bus", "Bus", "adult", "", 200, "CNY"))
                .fareProduct(new FareProduct("bus", "Bus", "student", "", 100, "CNY"))
                .legRule(FareLegRule.onNetwork("g", "bus", "bus")).build();
        Leg tap = Leg.tapOn("bus", "s", local(2026, 3, 2, 8, 0));
        assertEquals(200, engine.priceLeg(t, tap).amountFen());
        assertEquals(100, engine.priceLeg(t, tap.withRider("student")).amountFen());
        assertFalse(engine.priceLeg(t, tap.withRider("staff")).known(), "no row for staff: no fare, not the adult's");
    }

    @Test
    void mediumSpecificRowBeatsTheAnyMediumRow() {
        FareTable t = cny().fareProduct(new FareProduct("bus", "Bus", "", "", 200, "CNY"))
                .fareProduct(new FareProduct("bus", "Bus", "", "tunion", 180, "CNY"))
                .fareProduct(new FareProduct("bus", "Bus", "", "cash", 250, "CNY"))
                .legRule(FareLegRule.onNetwork("g", "bus", "bus")).build();
        Leg tap = Leg.tapOn("bus", "s", local(2026, 3, 2, 8, 0));
        assertEquals(180, engine.priceLeg(t, tap.withMedium("tunion")).amountFen());
        assertEquals(250, engine.priceLeg(t, tap.withMedium("cash")).amountFen());
        assertEquals(200, engine.priceLeg(t, tap.withMedium("qr")).amountFen());
    }

    private static FareTable metro() {
        LinkedHashMap<String, Integer> line = new LinkedHashMap<>();
        line.put("M1", 0);
        line.put("M2", 3_000);
        line.put("M3", 9_000);
        line.put("M4", 30_000);
        return cny().stop(Stop.of("M2")).stop(new Stop("M2-platform", "M2"))
                .fareProduct(FareProduct.of("metro", 0, "CNY"))
                .fareProduct(FareProduct.of("bus", 200, "CNY"))
                .legRule(FareLegRule.onNetwork("metro", "metro", "metro"))
                .legRule(FareLegRule.onNetwork("bus", "bus", "bus"))
                .distanceFares(new DistanceFares(List.of(DistanceMatrix.ofLinePositions("metro", line)),
                        List.of(new DistanceFare("metro", "", "metro", List.of(new DistanceBand(4_000, 200),
                                new DistanceBand(12_000, 300), new DistanceBand(24_000, 400))))))
                .build();
    }

    @Test
    void distanceProductPricesByBandAndTapInQuotesTheMaximum() {
        FareTable t = metro();
        Instant t0 = local(2026, 3, 2, 8, 0);
        assertEquals(200, engine.priceLeg(t, leg("metro", "M1", "M2-platform", t0, 10)).amountFen());
        assertEquals(300, engine.priceLeg(t, leg("metro", "M1", "M3", t0, 10)).amountFen());
        assertFalse(engine.priceLeg(t, leg("metro", "M1", "M4", t0, 40)).known(), "beyond the last band");
        assertEquals(400, engine.priceLeg(t, Leg.tapOn("metro", "M1", t0)).amountFen());
    }

    @Test
    void joinedLegsArePricedAsOneEffectiveLegAtEveryTap() {
        FareTable base = metro();
        FareTable.Builder b = cny().distanceFares(base.distanceFares())
                .stop(Stop.of("M2")).stop(new Stop("M2-platform", "M2"))
                .fareProduct(FareProduct.of("metro", 0, "CNY"))
                .legRule(FareLegRule.onNetwork("metro", "metro", "metro"))
                .joinRule(new FareLegJoinRule("metro", "metro", "", ""));
        FareTable t = b.build();
        Instant t0 = local(2026, 3, 2, 8, 0);
        Leg first = leg("metro", "M1", "M2", t0, 5);
        Leg second = leg("metro", "M2-platform", "M3", t0.plusSeconds(600), 10);
        JourneyFare fare = engine.priceJourney(t, List.of(first, second));
        assertEquals(300, fare.totalFen(), "M1 to M3 is 9 km: one 3-yuan fare, not 2 + 2");
        assertEquals(List.of(200L, 100L), fare.legs().stream().map(LegFare::amountFen).toList());
    }

    private static FareTable transferTable(FareTransferType type, long transferFen, Optional<DurationLimit> limit) {
        return cny().fareProduct(FareProduct.of("bus", 200, "CNY")).fareProduct(FareProduct.of("metro", 400, "CNY"))
                .fareProduct(FareProduct.of("x", transferFen, "CNY"))
                .legRule(FareLegRule.onNetwork("bus", "bus", "bus"))
                .legRule(FareLegRule.onNetwork("metro", "metro", "metro"))
                .transferRule(new FareTransferRule("bus", "metro", "x", 0, limit, type)).build();
    }

    @Test
    void transferTypesCombineAsTheSpecSays() {
        Instant t0 = local(2026, 3, 2, 8, 0);
        List<Leg> legs = List.of(leg("bus", "a", "b", t0, 20), leg("metro", "b", "c", t0.plusSeconds(1500), 20));
        // type 0: A + AB = 200 + 50; type 1: A + AB + B = 200 + 50 + 400, dearer than afresh (600), so afresh;
        // type 2: AB replaces both = 450, charged as 200 then 250.
        assertEquals(250, engine.priceJourney(transferTable(FareTransferType.ofCode(0), 50, Optional.empty()), legs)
                .totalFen());
        assertEquals(600, engine.priceJourney(transferTable(FareTransferType.ofCode(1), 50, Optional.empty()), legs)
                .totalFen());
        assertEquals(550, engine.priceJourney(transferTable(FareTransferType.ofCode(1), -50, Optional.empty()), legs)
                .totalFen());
        JourneyFare type2 = engine.priceJourney(transferTable(FareTransferType.ofCode(2), 450, Optional.empty()), legs);
        assertEquals(450, type2.totalFen());
        assertEquals(List.of(200L, 250L), type2.legs().stream().map(LegFare::amountFen).toList());
    }

    @Test
    void transferRuleIsDirectional() {
        Instant t0 = local(2026, 3, 2, 8, 0);
        FareTable t = transferTable(FareTransferType.ofCode(0), 50, Optional.empty());
        assertEquals(600, engine.priceJourney(t, List.of(leg("metro", "a", "b", t0, 20),
                leg("bus", "b", "c", t0.plusSeconds(1500), 20))).totalFen());
    }

    @Test
    void arrivalBasedLimitsMeasureFromTheArrivalAndNeedTheNextArrival() {
        Instant t0 = local(2026, 3, 2, 8, 0);
        // Bus 08:00-08:50, metro boards 09:00: 10 min after arrival, 60 after departure.
        Leg bus = leg("bus", "a", "b", t0, 50);
        Leg metro = leg("metro", "b", "c", t0.plusSeconds(3600), 20);
        Optional<DurationLimit> arrToDep = Optional.of(new DurationLimit(900, DurationLimitType.ARRIVAL_TO_DEPARTURE));
        Optional<DurationLimit> depToDep = Optional.of(new DurationLimit(900, DurationLimitType.DEPARTURE_TO_DEPARTURE));
        Optional<DurationLimit> arrToArr = Optional.of(new DurationLimit(1800, DurationLimitType.ARRIVAL_TO_ARRIVAL));
        assertEquals(250, engine.priceJourney(transferTable(FareTransferType.ofCode(0), 50, arrToDep),
                List.of(bus, metro)).totalFen());
        assertEquals(600, engine.priceJourney(transferTable(FareTransferType.ofCode(0), 50, depToDep),
                List.of(bus, metro)).totalFen());
        assertEquals(250, engine.priceJourney(transferTable(FareTransferType.ofCode(0), 50, arrToArr),
                List.of(bus, metro)).totalFen());
        Leg metroTapIn = Leg.tapOn("metro", "b", t0.plusSeconds(3600));
        assertEquals(600, engine.priceJourney(transferTable(FareTransferType.ofCode(0), 50, arrToArr),
                List.of(bus, metroTapIn)).totalFen(), "arrival unknown at tap-in: type 3 cannot be checked yet");
    }

    @Test
    void emptyTransferGroupCoversOnlyGroupsNotListed() {
        FareTable t = cny().fareProduct(FareProduct.of("p", 200, "CNY")).fareProduct(FareProduct.of("x", 50, "CNY"))
                .legRule(FareLegRule.onNetwork("bus", "bus", "p")).legRule(FareLegRule.onNetwork("ferry", "ferry", "p"))
                .legRule(FareLegRule.onNetwork("metro", "metro", "p"))
                .transferRule(new FareTransferRule("bus", "metro", "", 0, Optional.empty(),
                        FareTransferType.FROM_LEG_PLUS_TRANSFER))
                .transferRule(new FareTransferRule("", "metro", "x", 0, Optional.empty(),
                        FareTransferType.FROM_LEG_PLUS_TRANSFER)).build();
        Instant t0 = local(2026, 3, 2, 8, 0);
        assertEquals(200, engine.priceJourney(t, List.of(leg("bus", "a", "b", t0, 5),
                leg("metro", "b", "c", t0.plusSeconds(600), 5))).totalFen(), "bus is listed: its own free rule");
        assertEquals(250, engine.priceJourney(t, List.of(leg("ferry", "a", "b", t0, 5),
                leg("metro", "b", "c", t0.plusSeconds(600), 5))).totalFen(), "ferry is not listed: the empty rule");
    }

    @Test
    void singleTapMatchesOnlyRulesThatLeaveTheDestinationOpen() {
        FareTable t = cny().rulePriorityColumnPresent(true).stopArea(new StopArea("z1", "s1"))
                .fareProduct(FareProduct.of("short", 100, "CNY")).fareProduct(FareProduct.of("flat", 200, "CNY"))
                .legRule(new FareLegRule("g", "bus", "z1", "z1", "", "", "short", 5))
                .legRule(new FareLegRule("g", "bus", "", "", "", "", "flat", 0)).build();
        Instant t0 = local(2026, 3, 2, 8, 0);
        assertEquals(200, engine.priceLeg(t, Leg.tapOn("bus", "s1", t0)).amountFen());
        assertEquals(100, engine.priceLeg(t, leg("bus", "s1", "s1", t0, 5)).amountFen());
    }

    @Test
    void nextLegAtATapUsesTheStateTheCardCarries() {
        FareTable t = transferTable(FareTransferType.ofCode(0), 50,
                Optional.of(new DurationLimit(5400, DurationLimitType.DEPARTURE_TO_DEPARTURE)));
        Instant t0 = local(2026, 3, 2, 8, 0);
        NextLegFare bus = engine.priceNextLeg(t, JourneyState.start(), Leg.tapOn("bus", "a", t0));
        assertEquals(200, bus.fare().amountFen());
        JourneyBranch stored = bus.state().cheapest();
        JourneyBranch fromCard = JourneyBranch.resume(stored.legGroupId(), stored.lastDeparture(),
                stored.lastArrival(), stored.chainKey(), stored.transferCount(), stored.clockDeparture(),
                stored.clockArrival(), stored.lastLegFresh(), stored.lastLegFreshFen(), stored.costFen());
        JourneyState card = new JourneyState(List.of(fromCard), 200, Optional.empty(), List.of(), 0);
        assertEquals(50, engine.priceNextLeg(t, card, Leg.tapOn("metro", "b", t0.plusSeconds(5400)))
                .fare().amountFen());
        assertEquals(400, engine.priceNextLeg(t, card, Leg.tapOn("metro", "b", t0.plusSeconds(5401)))
                .fare().amountFen(), "one second past 90 minutes pays afresh");
    }

    @Test
    void absurdInputIsRefusedWithAClearMessage() {
        Instant t0 = local(2026, 3, 2, 8, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Leg("bus", "", "a", "b", t0, Optional.of(t0.minusSeconds(1)), "", ""));
        assertTrue(e.getMessage().contains("arrive before"));
        assertThrows(IllegalArgumentException.class, () -> new Timeframe("g", 3600, 3600, ""));
        assertThrows(IllegalArgumentException.class, () -> new FareLegRule("g", "", "", "", "", "", "p", -1));
        assertThrows(NullPointerException.class, () -> engine.priceLeg(cny().build(), null));
        assertThrows(IllegalArgumentException.class, () -> cny().riderCategory(new RiderCategory("a", "A", true))
                .riderCategory(new RiderCategory("b", "B", true)).build());
    }

    @Test
    void aLegOnAnUnknownNetworkIsUnknownNotFree() {
        LegFare fare = engine.priceLeg(metro(), Leg.tapOn("tram", "a", local(2026, 3, 2, 8, 0)));
        assertFalse(fare.known());
        assertTrue(fare.offers().isEmpty());
    }

    @Test
    void quoteOnAThousandStationMatrixNeedsNoScan() {
        int n = 1000;
        java.util.List<String> ids = new java.util.ArrayList<>();
        int[] cells = new int[n * n];
        for (int i = 0; i < n; i++) {
            ids.add("S" + i);
            for (int j = 0; j < n; j++) {
                cells[i * n + j] = Math.abs(i - j) * 1000;
            }
        }
        FareTable t = cny().fareProduct(FareProduct.of("metro", 0, "CNY"))
                .legRule(FareLegRule.onNetwork("metro", "metro", "metro"))
                .distanceFares(new DistanceFares(List.of(new DistanceMatrix("metro", ids, cells)),
                        List.of(new DistanceFare("metro", "", "metro", List.of(new DistanceBand(4_000, 200),
                                new DistanceBand(DistanceBand.NO_LIMIT, 900))))))
                .build();
        Instant t0 = local(2026, 3, 2, 8, 0);
        assertEquals(200, engine.priceLeg(t, leg("metro", "S10", "S14", t0, 10)).amountFen());
        assertEquals(900, engine.priceLeg(t, leg("metro", "S0", "S999", t0, 60)).amountFen());
    }
}
