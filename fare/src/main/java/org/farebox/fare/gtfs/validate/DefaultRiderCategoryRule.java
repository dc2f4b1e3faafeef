package org.farebox.fare.gtfs.validate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.RiderCategory;

/**
 * Exactly one default rider category among those a product is offered to (GTFS), and at least one default
 * in the feed: a terminal prices a card of unknown type at the default category.
 */
public final class DefaultRiderCategoryRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        if (feed.riderCategories().isEmpty()) {
            return;
        }
        Map<String, RiderCategory> byId = new LinkedHashMap<>();
        feed.riderCategories().forEach(c -> byId.putIfAbsent(c.riderCategoryId(), c));
        List<RiderCategory> defaults = feed.riderCategories().stream().filter(RiderCategory::isDefault).toList();
        if (defaults.isEmpty()) {
            p.error("rider_categories.txt", 0, "no rider category has is_default_fare_category = 1; mark the one "
                    + "that pays the full fare");
        }
        Map<String, Set<String>> categoriesOfProduct = new LinkedHashMap<>();
        Map<String, FareProduct> firstRow = new LinkedHashMap<>();
        for (FareProduct x : feed.fareProducts()) {
            if (byId.containsKey(x.riderCategoryId())) {
                categoriesOfProduct.computeIfAbsent(x.fareProductId(), k -> new LinkedHashSet<>())
                        .add(x.riderCategoryId());
                firstRow.putIfAbsent(x.fareProductId(), x);
            }
        }
        categoriesOfProduct.forEach((product, categories) -> {
            if (categories.size() < 2) {
                return;
            }
            long n = categories.stream().filter(c -> byId.get(c).isDefault()).count();
            if (n != 1) {
                FeedRule.error(p, firstRow.get(product).src(), "fare product " + product + " is offered to "
                        + categories + " of which " + n + " are default; exactly one must be");
            }
        });
    }
}
