package org.farebox.fare.model;

/** A route and the one network it belongs to (routes.network_id or route_networks.txt). */
public record Route(String id, String networkId) {
    public Route {
        Check.id(id, "route_id");
        Check.id(networkId, "network_id");
    }
}
