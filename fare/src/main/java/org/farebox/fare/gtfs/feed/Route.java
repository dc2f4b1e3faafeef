package org.farebox.fare.gtfs.feed;

/** routes.txt: a route and, when the feed uses the column, its {@code network_id} ("" when absent). */
public record Route(Source src, String routeId, String shortName, String longName, int routeType, String networkId) {
}
