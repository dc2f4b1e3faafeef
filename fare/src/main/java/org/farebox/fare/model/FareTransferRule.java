package org.farebox.fare.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of fare_transfer_rules.txt (directional: from group to group). Empty groups are "" and mean
 * "all groups not listed in that column"; an empty product means the transfer itself costs nothing.
 * {@code transferCount}: {@link #UNLIMITED}, a count of at least 1, or {@link #NO_COUNT} (absent, which
 * GTFS requires when the two groups differ).
 */
public record FareTransferRule(String fromLegGroupId, String toLegGroupId, String fareProductId, int transferCount,
        Optional<DurationLimit> durationLimit, FareTransferType transferType) {
    public static final int UNLIMITED = -1;
    public static final int NO_COUNT = 0;

    public FareTransferRule {
        Check.optional(fromLegGroupId, "from_leg_group_id");
        Check.optional(toLegGroupId, "to_leg_group_id");
        Check.optional(fareProductId, "fare_product_id");
        Objects.requireNonNull(durationLimit, "durationLimit must not be null (use Optional.empty())");
        Objects.requireNonNull(transferType, "fare_transfer_type must not be null");
        if (transferCount < UNLIMITED) {
            throw new IllegalArgumentException("transfer_count must be -1 or at least 1, got " + transferCount);
        }
    }

    public boolean hasTransferCount() {
        return transferCount != NO_COUNT;
    }

    /** The count as an upper bound: unlimited and absent are both unbounded. */
    public long maxTransfers() {
        return transferCount > 0 ? transferCount : Long.MAX_VALUE;
    }

    public boolean isFree() {
        return fareProductId.isEmpty();
    }
}
