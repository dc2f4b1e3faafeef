package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.FareTransferRule;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Money;

/**
 * Values no transit fare has: an amount beyond ±1,000,000 minor units (10,000 yuan), a transfer window longer
 * than 7 days, more than 100 transfers. They are typing slips (an amount in fen written as yuan, seconds
 * as milliseconds) that would otherwise reach every terminal.
 */
public final class AbsurdValueRule implements FeedRule {
    public static final long MAX_AMOUNT_MINOR = 1_000_000;
    public static final int MAX_DURATION_S = 7 * 86_400;
    public static final int MAX_TRANSFERS = 100;

    @Override
    public void check(GtfsFeed feed, Problems p) {
        for (FareProduct x : feed.fareProducts()) {
            long minor;
            try {
                minor = Money.toMinor(x.amount(), x.currency());
            } catch (IllegalArgumentException e) {
                continue; // MoneyFormatRule reports it
            }
            if (Math.abs(minor) > MAX_AMOUNT_MINOR) {
                FeedRule.error(p, x.src(), "amount " + x.amount() + " " + x.currency() + " is beyond "
                        + MAX_AMOUNT_MINOR + " minor units; amounts are in currency units (2.00), not fen");
            }
        }
        for (FareTransferRule r : feed.fareTransferRules()) {
            if (r.durationLimit() != null && r.durationLimit() > MAX_DURATION_S) {
                FeedRule.error(p, r.src(), "duration_limit " + r.durationLimit() + " s is more than 7 days; "
                        + "duration_limit is in seconds");
            }
            if (r.transferCount() != null && r.transferCount() > MAX_TRANSFERS) {
                FeedRule.error(p, r.src(), "transfer_count " + r.transferCount() + " is more than " + MAX_TRANSFERS
                        + "; use -1 for unlimited");
            }
        }
    }
}
