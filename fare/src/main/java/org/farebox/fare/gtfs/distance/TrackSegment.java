package org.farebox.fare.gtfs.distance;

import org.farebox.fare.gtfs.feed.Source;

/** farebox_distances.txt: the track distance between two stations of a network, either direction. */
public record TrackSegment(Source src, String networkId, String fromStopId, String toStopId, Integer metres) {
}
