package org.farebox.fare.day;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.farebox.fare.engine.FareEngine;
import org.farebox.fare.engine.JourneyState;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.engine.NextLegFare;
import org.farebox.fare.extension.ExtensionEvaluator;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.extension.LegOutcome;
import org.farebox.fare.extension.PricedLeg;
import org.farebox.fare.extension.RiderState;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.RiderCategory;

/**
 * Prices one rider's legs in time order as a sequence of terminals would: {@link FareEngine#priceNextLeg} folded
 * over the legs (transfers and join rules see every earlier leg), then {@link ExtensionEvaluator#evaluate} on each
 * leg's charge (promotions, caps per transport day / week / rolling 7 days, points, vouchers). Pure and
 * thread-safe: all state is in the arguments and the result.
 *
 * <p>The engine state is never cut at a transport-day boundary (a transfer at 04:40 from a 04:10 bus still
 * applies, as on a card); the day-scoped accumulators restart by the extension rules' transport day.
 */
public final class DayPricer {
    private final FareTable table;
    private final ExtensionEvaluator evaluator;
    private final FareEngine engine = new FareEngine();
    private final String defaultCategory;

    /** Prices with the table's own extensions (bundle format 2 carries them). */
    public DayPricer(FareTable table) {
        this(table, Objects.requireNonNull(table, "table").extensions());
    }

    /** Prices with other extension rules than the table's (e.g. files not compiled yet). */
    public DayPricer(FareTable table, FareExtensions extensions) {
        this.table = Objects.requireNonNull(table, "table");
        this.evaluator = new ExtensionEvaluator(Objects.requireNonNull(extensions, "extensions"));
        this.defaultCategory = table.riderCategories().stream().filter(RiderCategory::isDefault)
                .map(RiderCategory::id).findFirst().orElse("");
    }

    public FareTable table() {
        return table;
    }

    public FareExtensions extensions() {
        return evaluator.extensions();
    }

    /** Prices legs from a fresh journey and an empty rider state. */
    public DayPrice price(List<Leg> legs) {
        return price(legs, JourneyState.start(), RiderState.EMPTY);
    }

    /**
     * Prices legs starting from the given engine and rider states (a card's or an account's).
     *
     * @throws IllegalArgumentException when a leg departs before the one given before it
     */
    public DayPrice price(List<Leg> legs, JourneyState journey, RiderState rider) {
        Objects.requireNonNull(legs, "legs");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(rider, "rider");
        List<PricedDayLeg> out = new ArrayList<>(legs.size());
        long total = 0;
        boolean complete = true;
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = Objects.requireNonNull(legs.get(i), "legs[" + i + "]");
            if (i > 0 && leg.departure().isBefore(legs.get(i - 1).departure())) {
                throw new IllegalArgumentException("legs[" + i + "] departs at " + leg.departure()
                        + ", before legs[" + (i - 1) + "] (" + legs.get(i - 1).departure() + "): legs must be in time order");
            }
            NextLegFare next = engine.priceNextLeg(table, journey, leg);
            journey = next.state();
            LocalDateTime local = LocalDateTime.ofInstant(leg.departure(), table.zone());
            LocalDate day = extensions().settings().transportDay(local);
            long engineFen = next.fare().amountFen();
            if (!next.fare().known()) {
                complete = false;
                out.add(new PricedDayLeg(i, leg, day, next.fare(), engineFen, 0, 0, 0, List.of(), 0, false));
                continue;
            }
            long base = Math.max(0, engineFen);
            LegOutcome o = evaluator.evaluate(pricedLeg(leg, base, local), rider);
            rider = o.newState();
            total = Math.addExact(total, o.finalFen());
            out.add(new PricedDayLeg(i, leg, day, next.fare(), engineFen, base, o.fareFen(), o.finalFen(),
                    o.adjustments(), o.pointsEarned(), true));
        }
        return new DayPrice(out, total, complete, journey, rider);
    }

    private PricedLeg pricedLeg(Leg leg, long baseFen, LocalDateTime local) {
        String network = leg.networkId().isEmpty()
                ? (leg.routeId().isEmpty() ? "" : table.networkOfRoute(leg.routeId()).orElse(""))
                : leg.networkId();
        String category = leg.riderCategoryId().isEmpty() ? defaultCategory : leg.riderCategoryId();
        return new PricedLeg(baseFen, blankToNull(category), blankToNull(network), blankToNull(leg.routeId()),
                blankToNull(leg.fareMediaId()), local);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
