package org.farebox.fare.model;

/**
 * One row of fare_leg_join_rules.txt: two consecutive legs from one network to another, changing at the
 * given stops (both or neither; neither means "at the same station"), are priced as one effective leg.
 */
public record FareLegJoinRule(String fromNetworkId, String toNetworkId, String fromStopId, String toStopId) {
    public FareLegJoinRule {
        Check.id(fromNetworkId, "from_network_id");
        Check.id(toNetworkId, "to_network_id");
        Check.optional(fromStopId, "from_stop_id");
        Check.optional(toStopId, "to_stop_id");
        if (fromStopId.isEmpty() != toStopId.isEmpty()) {
            throw new IllegalArgumentException("from_stop_id and to_stop_id must be both set or both empty");
        }
    }

    public boolean hasStops() {
        return !fromStopId.isEmpty();
    }
}
