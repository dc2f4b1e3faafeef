package org.farebox.fare.gtfs.feed;

/** areas.txt: a fare area. */
public record Area(Source src, String areaId, String name) {
}
