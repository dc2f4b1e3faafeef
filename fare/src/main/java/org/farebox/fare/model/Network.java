package org.farebox.fare.model;

/** A GTFS network (networks.txt): a set of routes priced together. */
public record Network(String id, String name) {
    public Network {
        Check.id(id, "network_id");
        Check.text(name, "network_name");
    }
}
