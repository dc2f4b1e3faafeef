package org.farebox.fare.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.farebox.fare.engine.Leg;
import org.junit.jupiter.api.Test;

/** Seeded random rides over the example network, priced by the day pricer. */
class DayPricerPropertyTest {
    private static final String[] METRO = {"M_BEIHU", "M_CHAGUAN", "M_HUOCHE", "M_GUANGCHANG", "M_JINJIANG",
        "M_GAOXIN", "M_NANHU", "M_XIYUAN", "M_KUANZHAI", "M_CHUNXI", "M_DONGQU", "M_LONGQUAN"};
    private static final String[] BUS = {"B101", "B102", "B103"};
    private static final String[] RIDERS = {"adult", "student", "senior", ""};
    private static final Map<String, Long> DAY_CAP = Map.of("adult", 1200L, "", 1200L, "student", 600L);

    private final DayPricer pricer = ExampleNetwork.pricer();

    @Test
    void aTransportDaysTotalNeverExceedsItsCapAndNoLegIsNegative() {
        Random random = new Random(20260310L);
        for (int run = 0; run < 200; run++) {
            String rider = RIDERS[random.nextInt(RIDERS.length)];
            List<Leg> legs = randomDays(random, rider);
            DayPrice price = pricer.price(legs);
            for (PricedDayLeg leg : price.legs()) {
                assertTrue(leg.amountFen() >= 0, "negative leg " + leg);
            }
            for (Map.Entry<LocalDate, Long> e : price.totalsByTransportDay().entrySet()) {
                long cap = DAY_CAP.getOrDefault(rider, 0L);
                assertTrue(cap == 0 ? e.getValue() == 0 : e.getValue() <= cap,
                        "run " + run + " rider '" + rider + "' day " + e.getKey() + " paid " + e.getValue());
            }
        }
    }

    @Test
    void pricingTheSameLegsTwiceGivesTheSameResult() {
        Random random = new Random(7L);
        for (int run = 0; run < 50; run++) {
            List<Leg> legs = randomDays(random, RIDERS[random.nextInt(RIDERS.length)]);
            assertEquals(pricer.price(legs).legs().stream().map(PricedDayLeg::amountFen).toList(),
                    pricer.price(legs).legs().stream().map(PricedDayLeg::amountFen).toList());
        }
    }

    /** 1-3 consecutive days (some holidays), 0-12 rides each, times from 05:00 to 03:00 the next morning. */
    static List<Leg> randomDays(Random random, String rider) {
        LocalDate[] starts = {LocalDate.of(2026, 3, 9), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 4, 30)};
        LocalDate first = starts[random.nextInt(starts.length)];
        List<Leg> legs = new ArrayList<>();
        Instant t = first.atTime(5, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        int days = 1 + random.nextInt(3);
        for (int d = 0; d < days; d++) {
            Instant dayStart = first.plusDays(d).atTime(5, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
            t = t.isAfter(dayStart) ? t : dayStart;
            int rides = random.nextInt(13);
            for (int i = 0; i < rides; i++) {
                t = t.plus(Duration.ofMinutes(5 + random.nextInt(120)));
                if (random.nextBoolean()) {
                    legs.add(new Leg("", BUS[random.nextInt(BUS.length)], "B_XIYUAN", "", t, Optional.empty(), rider,
                            "tunion"));
                } else {
                    String from = METRO[random.nextInt(METRO.length)];
                    String to = METRO[random.nextInt(METRO.length)];
                    Instant out = t.plus(Duration.ofMinutes(10 + random.nextInt(50)));
                    legs.add(new Leg("metro", "", from, to, t, Optional.of(out), rider, "qr"));
                }
            }
        }
        return legs;
    }
}
