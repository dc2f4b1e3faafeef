package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareLegJoinRule;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Stop;

/** fare_leg_join_rules.txt: networks and stops exist, and from_stop_id/to_stop_id are both set or both empty. */
public final class LegJoinRuleRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> networks = Ids.networks(feed);
        Set<String> stops = Ids.of(feed.stops(), Stop::stopId);
        for (FareLegJoinRule r : feed.fareLegJoinRules()) {
            Ids.reference(p, r.src(), "from_network_id", r.fromNetworkId(), networks, "networks.txt or routes.txt");
            Ids.reference(p, r.src(), "to_network_id", r.toNetworkId(), networks, "networks.txt or routes.txt");
            Ids.reference(p, r.src(), "from_stop_id", r.fromStopId(), stops, "stops.txt");
            Ids.reference(p, r.src(), "to_stop_id", r.toStopId(), stops, "stops.txt");
            if (r.fromStopId().isEmpty() != r.toStopId().isEmpty()) {
                FeedRule.error(p, r.src(), "from_stop_id and to_stop_id must both be set or both be empty");
            }
        }
    }
}
