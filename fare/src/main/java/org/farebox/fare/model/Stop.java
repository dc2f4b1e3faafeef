package org.farebox.fare.model;

/** A stop or platform with its parent station ("" when it has none), from stops.txt. */
public record Stop(String id, String parentStationId) {
    public Stop {
        Check.id(id, "stop_id");
        Check.optional(parentStationId, "parent_station");
        if (id.equals(parentStationId)) {
            throw new IllegalArgumentException("stop " + id + " cannot be its own parent station");
        }
    }

    public static Stop of(String id) {
        return new Stop(id, "");
    }

    public boolean hasParent() {
        return !parentStationId.isEmpty();
    }
}
