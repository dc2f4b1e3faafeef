package org.farebox.fare.gtfs.distance;

import org.farebox.fare.gtfs.feed.Source;

/**
 * farebox_distance_fares.txt: a leg of at most {@code upToMetres} (null: no limit, the last band) on the
 * network costs {@code amount} (in the product's currency) for the product and rider category ("" = any).
 */
public record DistanceBandRow(Source src, String fareProductId, String riderCategoryId, String networkId,
        Integer upToMetres, String amount) {
}
