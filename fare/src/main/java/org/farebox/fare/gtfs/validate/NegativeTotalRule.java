package org.farebox.fare.gtfs.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareLegRule;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.FareTransferRule;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Money;
import org.farebox.fare.gtfs.feed.RiderCategory;

/**
 * Negative amounts only where they make sense. A product a leg rule sells must not be negative; a transfer
 * product may be (a discount), but not so far that a journey would cost less than nothing: for each rider
 * category, the cheapest fare of the from-group (plus the to-group's for type 1) plus the transfer amount,
 * or the transfer amount alone for type 2, must be ≥ 0.
 */
public final class NegativeTotalRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Map<String, List<FareProduct>> products = new HashMap<>();
        for (FareProduct x : feed.fareProducts()) {
            products.computeIfAbsent(x.fareProductId(), k -> new ArrayList<>()).add(x);
        }
        Map<String, List<FareProduct>> legGroupProducts = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (FareLegRule r : feed.fareLegRules()) {
            for (FareProduct x : products.getOrDefault(r.fareProductId(), List.of())) {
                long m = minor(x);
                if (m != Long.MIN_VALUE && m < 0 && reported.add(x.fareProductId() + "\0" + x.src().row())) {
                    FeedRule.error(p, r.src(), "fare product " + x.fareProductId() + " (fare_products.txt row "
                            + x.src().row() + ") has a negative amount " + x.amount() + " but prices a leg");
                }
                if (!r.legGroupId().isEmpty()) {
                    legGroupProducts.computeIfAbsent(r.legGroupId(), k -> new ArrayList<>()).add(x);
                }
            }
        }
        // Rows with no category apply to every category, so with categories defined each is checked on its own.
        List<String> categories = new ArrayList<>();
        feed.riderCategories().stream().map(RiderCategory::riderCategoryId).forEach(categories::add);
        if (categories.isEmpty()) {
            categories.add("");
        }
        for (FareTransferRule t : feed.fareTransferRules()) {
            List<FareProduct> transfer = products.getOrDefault(t.fareProductId(), List.of());
            for (String category : categories) {
                Long ab = cheapest(transfer, category);
                if (ab == null || ab >= 0) {
                    continue;
                }
                long total = ab;
                if (t.fareTransferType() == 0 || t.fareTransferType() == 1) {
                    Long a = cheapest(legGroupProducts.getOrDefault(t.fromLegGroupId(), List.of()), category);
                    total += a == null ? 0 : a;
                }
                if (t.fareTransferType() == 1) {
                    Long b = cheapest(legGroupProducts.getOrDefault(t.toLegGroupId(), List.of()), category);
                    total += b == null ? 0 : b;
                }
                if (total < 0) {
                    FeedRule.error(p, t.src(), "for rider category " + (category.isEmpty() ? "(any)" : category)
                            + " this transfer would make a journey cost " + total + " minor units; the discount "
                            + "is larger than the fare it reduces");
                }
            }
        }
    }

    /** The cheapest amount among products that apply to the category ("" rows apply to every category). */
    private static Long cheapest(List<FareProduct> candidates, String category) {
        Long min = null;
        for (FareProduct x : candidates) {
            if (!x.riderCategoryId().isEmpty() && !x.riderCategoryId().equals(category)) {
                continue;
            }
            long v = minor(x);
            if (v != Long.MIN_VALUE && (min == null || v < min)) {
                min = v;
            }
        }
        return min;
    }

    private static long minor(FareProduct x) {
        try {
            return Money.toMinor(x.amount(), x.currency());
        } catch (IllegalArgumentException e) {
            return Long.MIN_VALUE; // MoneyFormatRule reports it
        }
    }
}
