package org.farebox.fare.day;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.farebox.fare.engine.JourneyState;
import org.farebox.fare.extension.RiderState;

/**
 * A priced sequence of legs: each leg as {@link PricedDayLeg}, the total the rider pays, whether every leg matched a
 * fare rule, and the engine and rider states after the last leg (to continue with a later day).
 */
public record DayPrice(List<PricedDayLeg> legs, long totalFen, boolean complete, JourneyState journeyState,
        RiderState riderState) {
    public DayPrice {
        legs = List.copyOf(legs);
    }

    /** What the rider pays per transport day. */
    public SortedMap<LocalDate, Long> totalsByTransportDay() {
        TreeMap<LocalDate, Long> out = new TreeMap<>();
        for (PricedDayLeg l : legs) {
            out.merge(l.transportDay(), l.amountFen(), Long::sum);
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
