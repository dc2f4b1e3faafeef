package org.farebox.fare.gtfs.feed;

/** route_networks.txt: a route belongs to one network. */
public record RouteNetwork(Source src, String networkId, String routeId) {
}
