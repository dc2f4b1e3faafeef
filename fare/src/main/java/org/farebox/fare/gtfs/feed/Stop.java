package org.farebox.fare.gtfs.feed;

/** stops.txt: a stop, platform or station ({@code locationType} 1); lat/lon are null when absent. */
public record Stop(Source src, String stopId, String name, Double lat, Double lon, int locationType,
        String parentStation) {
}
