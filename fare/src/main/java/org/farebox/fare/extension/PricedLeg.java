package org.farebox.fare.extension;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A leg the GTFS engine has priced, as the extension evaluator sees it: the base amount in fen (transfer rules
 * already applied), who rode (rider category, fare medium), where (network, route; null when unknown) and when
 * (local time at the boarding stop).
 */
public record PricedLeg(long baseFen, String riderCategoryId, String networkId, String routeId, String fareMediaId,
        LocalDateTime localTime) {
    public PricedLeg {
        if (baseFen < 0 || baseFen > Money.MAX_FEN) {
            throw new IllegalArgumentException("a leg's base amount must be 0.." + Money.MAX_FEN + " fen, not " + baseFen);
        }
        Objects.requireNonNull(localTime, "localTime");
    }
}
