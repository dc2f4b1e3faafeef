package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Network;
import org.farebox.fare.gtfs.feed.Route;
import org.farebox.fare.gtfs.feed.RouteNetwork;

/** route_networks.txt names only routes of routes.txt and networks of networks.txt. */
public final class RouteNetworkReferencesRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> routes = Ids.of(feed.routes(), Route::routeId);
        Set<String> networks = Ids.of(feed.networks(), Network::networkId);
        for (RouteNetwork rn : feed.routeNetworks()) {
            Ids.reference(p, rn.src(), "route_id", rn.routeId(), routes, "routes.txt");
            Ids.reference(p, rn.src(), "network_id", rn.networkId(), networks, "networks.txt");
        }
    }
}
