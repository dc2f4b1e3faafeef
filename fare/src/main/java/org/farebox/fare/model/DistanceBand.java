package org.farebox.fare.model;

/** One distance band: a leg of at most {@code upToMetres} costs {@code amountFen}. */
public record DistanceBand(int upToMetres, long amountFen) {
    /** The open-ended last band. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public DistanceBand {
        if (upToMetres <= 0) {
            throw new IllegalArgumentException("a distance band needs a positive upper bound, got " + upToMetres);
        }
        if (amountFen < 0) {
            throw new IllegalArgumentException("a distance band amount must not be negative, got " + amountFen);
        }
    }
}
