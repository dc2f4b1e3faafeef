package org.farebox.fare.gtfs.distance;

import java.util.List;

/** The Farebox distance extension files of a feed folder (both optional; see docs/fare-bundle.md). */
public record DistanceFeed(List<TrackSegment> segments, List<DistanceBandRow> bands) {
    public static final String DISTANCES = "farebox_distances.txt";
    public static final String DISTANCE_FARES = "farebox_distance_fares.txt";

    public DistanceFeed {
        segments = List.copyOf(segments);
        bands = List.copyOf(bands);
    }

    public static DistanceFeed empty() {
        return new DistanceFeed(List.of(), List.of());
    }

    public boolean isEmpty() {
        return segments.isEmpty() && bands.isEmpty();
    }
}
