package org.farebox.fare.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.junit.jupiter.api.Test;

/** Property tests over random tables and journeys from a seeded java.util.Random (reproducible). */
class FareEnginePropertyTest {
    private static final long SEED = 20260605L;
    private static final int CASES = 400;
    private final FareEngine engine = new FareEngine();

    /** A random table with non-negative products; type-2 transfer products cost at least any leg product. */
    private static FareTable randomTable(Random rnd) {
        FareTable.Builder b = FareTable.builder().zone(Scenario.ZONE);
        String[] groups = {"g0", "g1", "g2"};
        for (int p = 0; p < 4; p++) {
            b.fareProduct(FareProduct.of("p" + p, 100 + rnd.nextInt(400), "CNY"));
        }
        b.fareProduct(FareProduct.of("t-small", rnd.nextInt(200), "CNY"));
        b.fareProduct(FareProduct.of("t-big", 500 + rnd.nextInt(300), "CNY"));
        for (String network : List.of("N0", "N1")) {
            int rules = 1 + rnd.nextInt(2);
            for (int r = 0; r < rules; r++) {
                b.legRule(FareLegRule.onNetwork(groups[rnd.nextInt(3)], network, "p" + rnd.nextInt(4)));
            }
        }
        int transfers = rnd.nextInt(5);
        for (int t = 0; t < transfers; t++) {
            String from = rnd.nextInt(4) == 0 ? "" : groups[rnd.nextInt(3)];
            String to = rnd.nextInt(4) == 0 ? "" : groups[rnd.nextInt(3)];
            FareTransferType type = FareTransferType.ofCode(rnd.nextInt(3));
            // A type-2 product replaces the first leg's fare: cheaper than it, the tap would be a credit.
            String product = type == FareTransferType.TRANSFER_ONLY ? "t-big" : switch (rnd.nextInt(3)) {
                case 0 -> "";
                case 1 -> "t-small";
                default -> "t-big";
            };
            int count = from.equals(to) && !from.isEmpty() ? (rnd.nextBoolean() ? -1 : 1 + rnd.nextInt(2)) : 0;
            Optional<DurationLimit> limit = rnd.nextBoolean() ? Optional.empty()
                    : Optional.of(new DurationLimit(600 + rnd.nextInt(3000), DurationLimitType.ofCode(rnd.nextInt(4))));
            b.transferRule(new FareTransferRule(from, to, product, count, limit, type));
        }
        return b.build();
    }

    private static List<Leg> randomJourney(Random rnd) {
        int n = 1 + rnd.nextInt(5);
        Instant t = Scenario.at("08:00").plusSeconds(rnd.nextInt(3600));
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant dep = t.plusSeconds(rnd.nextInt(1800));
            Instant arr = dep.plusSeconds(60 + rnd.nextInt(1800));
            Optional<Instant> arrival = rnd.nextInt(5) == 0 ? Optional.empty() : Optional.of(arr);
            legs.add(new Leg(rnd.nextBoolean() ? "N0" : "N1", "", "s" + i, "s" + (i + 1), dep, arrival, "", ""));
            t = arr;
        }
        return legs;
    }

    @Test
    void fareIsNeverNegativeWithNonNegativeProducts() {
        Random rnd = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            FareTable table = randomTable(rnd);
            JourneyFare fare = engine.priceJourney(table, randomJourney(rnd));
            assertTrue(fare.totalFen() >= 0, "case " + c);
            for (LegFare leg : fare.legs()) {
                assertTrue(leg.amountFen() >= 0, "case " + c + ": leg charge " + leg.amountFen());
            }
        }
    }

    @Test
    void transferNeverCostsMoreThanPayingEveryLegAfresh() {
        Random rnd = new Random(SEED + 1);
        int discounted = 0;
        for (int c = 0; c < CASES; c++) {
            FareTable table = randomTable(rnd);
            List<Leg> legs = randomJourney(rnd);
            long afresh = 0;
            for (Leg leg : legs) {
                afresh += engine.priceLeg(table, leg).amountFen();
            }
            long total = engine.priceJourney(table, legs).totalFen();
            assertTrue(total <= afresh, "case " + c);
            discounted += total < afresh ? 1 : 0;
        }
        assertTrue(discounted > CASES / 10, "the generator must produce transfers that apply, got " + discounted);
    }

    @Test
    void pricingIsDeterministic() {
        Random rnd = new Random(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            long tableSeed = rnd.nextLong();
            List<Leg> legs = randomJourney(rnd);
            JourneyFare first = engine.priceJourney(randomTable(new Random(tableSeed)), legs);
            JourneyFare again = engine.priceJourney(randomTable(new Random(tableSeed)), legs);
            assertEquals(first, again, "case " + c);
        }
    }

    @Test
    void priceJourneyEqualsFoldOfPriceNextLegAndSumsItsLegs() {
        Random rnd = new Random(SEED + 3);
        for (int c = 0; c < CASES; c++) {
            FareTable table = randomTable(rnd);
            List<Leg> legs = randomJourney(rnd);
            JourneyFare journey = engine.priceJourney(table, legs);
            JourneyState state = JourneyState.start();
            long total = 0;
            for (int i = 0; i < legs.size(); i++) {
                NextLegFare next = engine.priceNextLeg(table, state, legs.get(i));
                assertEquals(journey.legs().get(i).amountFen(), next.fare().amountFen(), "case " + c + " leg " + i);
                total += next.fare().amountFen();
                state = next.state();
            }
            assertEquals(journey.totalFen(), total, "case " + c);
            assertEquals(journey.totalFen(), journey.legs().stream().mapToLong(LegFare::amountFen).sum());
        }
    }

    @Test
    void journeyTotalIsTheCheapestOfEveryCombination() {
        Random rnd = new Random(SEED + 4);
        for (int c = 0; c < CASES; c++) {
            FareTable table = randomTable(rnd);
            List<Leg> legs = randomJourney(rnd);
            JourneyFare fare = engine.priceJourney(table, legs);
            if (fare.complete()) {
                assertEquals(BruteForce.cheapest(table, legs), fare.totalFen(), "case " + c);
            }
        }
    }

    /** Exhaustive reference: every offer per leg, paid afresh or by every applicable transfer; no pruning. */
    static final class BruteForce {
        static long cheapest(FareTable table, List<Leg> legs) {
            return walk(table, legs, 0, JourneyBranch.EMPTY);
        }

        private static long walk(FareTable table, List<Leg> legs, int i, JourneyBranch b) {
            if (i == legs.size()) {
                return b.costFen();
            }
            Leg leg = legs.get(i);
            long best = Long.MAX_VALUE;
            for (FareOffer offer : LegMatcher.offers(table, leg)) {
                best = Math.min(best, walk(table, legs, i + 1, b.then(leg, offer, Optional.empty(), "", 0,
                        leg.departure(), leg.arrival(), offer.amountFen())));
                for (TransferMatcher.Applicable a : TransferMatcher.applicable(table, b, leg, offer.legGroupId())) {
                    Optional<Long> t = FareEngine.transferAmount(table, a.rule(), leg);
                    if (t.isPresent()) {
                        long inc = FareEngine.increment(a.rule(), t.get(), offer, b);
                        best = Math.min(best, walk(table, legs, i + 1, b.then(leg, offer, Optional.of(a.rule()),
                                a.chainKey(), a.count(), a.clockDeparture(), a.clockArrival(), inc)));
                    }
                }
            }
            return best;
        }
    }
}
