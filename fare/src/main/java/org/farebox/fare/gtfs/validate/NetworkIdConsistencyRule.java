package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/**
 * A feed names route networks one way only: routes.txt network_id, or networks.txt with route_networks.txt.
 * GTFS forbids the column when either file exists, and the files when the column exists.
 */
public final class NetworkIdConsistencyRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        if (!feed.routeNetworkColumn()) {
            return;
        }
        for (String file : new String[] {"networks.txt", "route_networks.txt"}) {
            if (feed.has(file)) {
                p.error("routes.txt", 1, "has a network_id column, so " + file + " is forbidden; name networks in "
                        + "one place only (drop the column, or drop networks.txt and route_networks.txt)");
            }
        }
    }
}
