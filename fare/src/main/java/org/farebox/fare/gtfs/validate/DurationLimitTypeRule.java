package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareTransferRule;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/** duration_limit_type is required when duration_limit is set, and forbidden when it is not. */
public final class DurationLimitTypeRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        for (FareTransferRule r : feed.fareTransferRules()) {
            if (r.durationLimit() != null && r.durationLimitType() == null) {
                FeedRule.error(p, r.src(), "duration_limit_type is required when duration_limit is set "
                        + "(0 dep-arr, 1 dep-dep, 2 arr-dep, 3 arr-arr)");
            } else if (r.durationLimit() == null && r.durationLimitType() != null) {
                FeedRule.error(p, r.src(), "duration_limit_type is set but duration_limit is empty");
            }
        }
    }
}
