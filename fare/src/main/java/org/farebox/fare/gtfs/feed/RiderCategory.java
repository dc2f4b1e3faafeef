package org.farebox.fare.gtfs.feed;

/** rider_categories.txt: a category of riders, one of them the default fare category. */
public record RiderCategory(Source src, String riderCategoryId, String name, boolean isDefault,
        String eligibilityUrl) {
}
