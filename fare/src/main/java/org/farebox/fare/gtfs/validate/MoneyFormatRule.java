package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Money;

/** Every amount is a plain decimal with no more decimals than its ISO 4217 currency has (CNY: 2, in fen). */
public final class MoneyFormatRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        for (FareProduct x : feed.fareProducts()) {
            if (x.amount().isEmpty() || x.currency().isEmpty()) {
                continue; // already reported as a missing required value
            }
            try {
                Money.toMinor(x.amount(), x.currency());
            } catch (IllegalArgumentException e) {
                FeedRule.error(p, x.src(), e.getMessage());
            }
        }
    }
}
