package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareMedia;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.RiderCategory;

/** fare_products.txt names only rider categories and fare media that exist. */
public final class FareProductReferencesRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> categories = Ids.of(feed.riderCategories(), RiderCategory::riderCategoryId);
        Set<String> media = Ids.of(feed.fareMedia(), FareMedia::fareMediaId);
        for (FareProduct x : feed.fareProducts()) {
            Ids.reference(p, x.src(), "rider_category_id", x.riderCategoryId(), categories, "rider_categories.txt");
            Ids.reference(p, x.src(), "fare_media_id", x.fareMediaId(), media, "fare_media.txt");
        }
    }
}
