package org.farebox.fare.engine;

import java.util.List;

/** The price of a journey: one {@link LegFare} per leg as given (amounts sum to the total) and the total. */
public record JourneyFare(List<LegFare> legs, long totalFen, boolean complete) {
    public JourneyFare {
        legs = List.copyOf(legs);
    }
}
