package org.farebox.fare.model;

/** One row of stop_areas.txt: a stop (or station, which then covers its platforms) in an area. */
public record StopArea(String areaId, String stopId) {
    public StopArea {
        Check.id(areaId, "area_id");
        Check.id(stopId, "stop_id");
    }
}
