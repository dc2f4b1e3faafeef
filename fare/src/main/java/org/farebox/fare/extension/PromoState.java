package org.farebox.fare.extension;

import java.time.LocalDate;

/**
 * A rider's promotion state: the transport day of their last ride ({@code lastRideDay}, null = never; a ride on
 * another day is that day's first ride) and their points balance.
 */
public record PromoState(LocalDate lastRideDay, long points) {
    public static final PromoState EMPTY = new PromoState(null, 0);

    public PromoState {
        if (points < 0) {
            throw new IllegalArgumentException("points cannot be negative");
        }
    }

    public boolean firstRideTakenOn(LocalDate transportDay) {
        return transportDay.equals(lastRideDay);
    }
}
