package org.farebox.fare.engine;

import java.util.Optional;
import org.farebox.fare.model.FareLegJoinRule;
import org.farebox.fare.model.FareTable;

/**
 * Merges consecutive legs by fare_leg_join_rules: the first leg's network to the next's, changing at the
 * rule's stops (a station id covers its platforms) or, without stops, within one station. The merged leg
 * runs from the first departure to the last arrival; its network is the common one, or "" when they differ.
 */
final class LegJoiner {
    private LegJoiner() {
    }

    static Optional<Leg> join(FareTable table, Leg first, Leg next) {
        if (!table.index().hasJoinRules() || !first.destinationKnown()) {
            return Optional.empty();
        }
        String fromNet = LegMatcher.networkOf(table, first);
        String toNet = LegMatcher.networkOf(table, next);
        for (FareLegJoinRule rule : table.index().joinRules(fromNet, toNet)) {
            if (transferMatches(table, rule, first.toStopId(), next.fromStopId())) {
                String network = fromNet.equals(toNet) ? fromNet : "";
                return Optional.of(new Leg(network, "", first.fromStopId(), next.toStopId(), first.departure(),
                        next.arrival(), first.riderCategoryId(), first.fareMediaId()));
            }
        }
        return Optional.empty();
    }

    private static boolean transferMatches(FareTable table, FareLegJoinRule rule, String alightStop,
            String boardStop) {
        if (!rule.hasStops()) {
            return table.index().stationOf(alightStop).equals(table.index().stationOf(boardStop));
        }
        return stopIs(table, alightStop, rule.fromStopId()) && stopIs(table, boardStop, rule.toStopId());
    }

    private static boolean stopIs(FareTable table, String stop, String ruleStop) {
        return stop.equals(ruleStop) || table.index().stationOf(stop).equals(ruleStop);
    }
}
