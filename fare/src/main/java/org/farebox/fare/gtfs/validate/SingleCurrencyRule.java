package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/** A fare table prices in one currency: the card purse holds one, so every product must use the first's. */
public final class SingleCurrencyRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        String currency = null;
        int firstRow = 0;
        for (FareProduct x : feed.fareProducts()) {
            if (x.currency().isEmpty()) {
                continue;
            }
            if (currency == null) {
                currency = x.currency();
                firstRow = x.src().row();
            } else if (!currency.equals(x.currency())) {
                FeedRule.error(p, x.src(), "currency " + x.currency() + " differs from " + currency + " (row "
                        + firstRow + "); a fare table uses one currency");
            }
        }
    }
}
