package org.farebox.fare.gtfs.feed;

/** stop_areas.txt: a stop (or a station, and so its platforms) belongs to an area. */
public record StopArea(Source src, String areaId, String stopId) {
}
