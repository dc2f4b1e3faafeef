package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareTransferRule;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/** transfer_count is required when from and to leg groups are the same, forbidden otherwise, and never 0. */
public final class TransferCountRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        for (FareTransferRule r : feed.fareTransferRules()) {
            boolean same = r.fromLegGroupId().equals(r.toLegGroupId());
            if (same && r.transferCount() == null) {
                FeedRule.error(p, r.src(), "transfer_count is required when from_leg_group_id equals "
                        + "to_leg_group_id (-1 for unlimited)");
            } else if (!same && r.transferCount() != null) {
                FeedRule.error(p, r.src(), "transfer_count is forbidden when from_leg_group_id and "
                        + "to_leg_group_id differ");
            } else if (r.transferCount() != null && r.transferCount() == 0) {
                FeedRule.error(p, r.src(), "transfer_count must be -1 (unlimited) or at least 1");
            }
        }
    }
}
