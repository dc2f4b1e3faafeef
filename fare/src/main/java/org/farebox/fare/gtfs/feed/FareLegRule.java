package org.farebox.fare.gtfs.feed;

/** fare_leg_rules.txt: which product prices a leg; "" fields follow the feed's rule_priority semantics. */
public record FareLegRule(Source src, String legGroupId, String networkId, String fromAreaId, String toAreaId,
        String fromTimeframeGroupId, String toTimeframeGroupId, String fareProductId, int rulePriority) {
}
