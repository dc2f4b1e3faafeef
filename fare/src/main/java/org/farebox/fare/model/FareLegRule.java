package org.farebox.fare.model;

/**
 * One row of fare_leg_rules.txt. Empty fields are "": their meaning depends on
 * {@link FareTable#rulePriorityColumnPresent()} (exclusion semantics without the column, wildcard with it).
 */
public record FareLegRule(String legGroupId, String networkId, String fromAreaId, String toAreaId,
        String fromTimeframeGroupId, String toTimeframeGroupId, String fareProductId, int rulePriority) {
    public FareLegRule {
        Check.optional(legGroupId, "leg_group_id");
        Check.optional(networkId, "network_id");
        Check.optional(fromAreaId, "from_area_id");
        Check.optional(toAreaId, "to_area_id");
        Check.optional(fromTimeframeGroupId, "from_timeframe_group_id");
        Check.optional(toTimeframeGroupId, "to_timeframe_group_id");
        Check.id(fareProductId, "fare_product_id");
        if (rulePriority < 0) {
            throw new IllegalArgumentException("rule_priority must not be negative, got " + rulePriority);
        }
    }

    /** A rule on a network alone: any area, any time, priority 0. */
    public static FareLegRule onNetwork(String legGroupId, String networkId, String fareProductId) {
        return new FareLegRule(legGroupId, networkId, "", "", "", "", fareProductId, 0);
    }
}
