package org.farebox.fare.model;

/** A rider category (rider_categories.txt); exactly one per table is the default. */
public record RiderCategory(String id, String name, boolean isDefault) {
    public RiderCategory {
        Check.id(id, "rider_category_id");
        Check.text(name, "rider_category_name");
    }
}
