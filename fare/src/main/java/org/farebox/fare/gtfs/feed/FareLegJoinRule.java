package org.farebox.fare.gtfs.feed;

/** fare_leg_join_rules.txt: two consecutive legs that count as one effective leg. */
public record FareLegJoinRule(Source src, String fromNetworkId, String toNetworkId, String fromStopId,
        String toStopId) {
}
