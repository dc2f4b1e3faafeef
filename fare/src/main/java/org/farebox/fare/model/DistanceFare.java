package org.farebox.fare.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * A distance-priced fare product (a Farebox extension; GTFS has no distance bands). When a leg rule names
 * {@code fareProductId}, the engine still picks the product row for the rider and medium as usual, then
 * prices the leg from the distance between its stops in the {@code networkId} matrix instead of the row's
 * amount: the first band whose upper bound is at least that distance. Bands are per rider category
 * ("" = any category; a category-specific fare wins). A leg with no known destination (tap-in) is quoted
 * at the last band: the maximum fare a gate holds at entry.
 */
public record DistanceFare(String fareProductId, String riderCategoryId, String networkId, List<DistanceBand> bands) {
    public DistanceFare {
        Check.id(fareProductId, "fare_product_id");
        Check.optional(riderCategoryId, "rider_category_id");
        Check.id(networkId, "network_id");
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("distance fare " + fareProductId + " has no bands");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).upToMetres() <= bands.get(i - 1).upToMetres()) {
                throw new IllegalArgumentException("distance fare " + fareProductId + ": bands must ascend");
            }
        }
    }

    /** The fare of a leg of this many metres, or empty when it is beyond the last band. */
    public OptionalLong amountFor(int metres) {
        for (DistanceBand band : bands) {
            if (metres <= band.upToMetres()) {
                return OptionalLong.of(band.amountFen());
            }
        }
        return OptionalLong.empty();
    }

    /** The highest band's amount, quoted when the destination is not known yet. */
    public long maximumFen() {
        long max = 0;
        for (DistanceBand band : bands) {
            max = Math.max(max, band.amountFen());
        }
        return max;
    }
}
