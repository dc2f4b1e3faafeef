package org.farebox.fare.gtfs.feed;

/** networks.txt: a fare network. */
public record Network(Source src, String networkId, String name) {
}
