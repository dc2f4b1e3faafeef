package org.farebox.fare.model;

/** A GTFS fare area (areas.txt). */
public record Area(String id, String name) {
    public Area {
        Check.id(id, "area_id");
        Check.text(name, "area_name");
    }
}
