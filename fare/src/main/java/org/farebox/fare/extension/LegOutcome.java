package org.farebox.fare.extension;

import java.util.List;

/**
 * What the extension rules made of a leg: {@code finalFen} to take from the rider's purse or account,
 * {@code fareFen} the fare after promotions and caps (what counted toward the caps; vouchers paid the difference),
 * the adjustments in the order applied, the points earned, and the rider's state to keep for the next leg.
 */
public record LegOutcome(long finalFen, long fareFen, List<Adjustment> adjustments, long pointsEarned,
        RiderState newState) {
    public LegOutcome {
        adjustments = List.copyOf(adjustments);
        if (finalFen < 0 || fareFen < finalFen) {
            throw new IllegalStateException("outcome amounts out of order: final " + finalFen + ", fare " + fareFen);
        }
    }

    /** The fen the given kind of adjustment took off in total. */
    public long total(Adjustment.Kind kind) {
        return adjustments.stream().filter(a -> a.kind() == kind).mapToLong(Adjustment::fen).sum();
    }
}
