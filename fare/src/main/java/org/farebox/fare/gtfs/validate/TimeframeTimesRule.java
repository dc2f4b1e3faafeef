package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Timeframe;

/** timeframes.txt: start_time and end_time both or neither, at most 24:00:00, and start before end. */
public final class TimeframeTimesRule implements FeedRule {
    private static final int DAY = 86_400;

    @Override
    public void check(GtfsFeed feed, Problems p) {
        for (Timeframe t : feed.timeframes()) {
            if ((t.startSeconds() == null) != (t.endSeconds() == null)) {
                FeedRule.error(p, t.src(), "start_time and end_time must both be set or both be empty");
                continue;
            }
            if (t.startSeconds() == null) {
                continue;
            }
            if (t.startSeconds() > DAY || t.endSeconds() > DAY) {
                FeedRule.error(p, t.src(), "times must be at most 24:00:00; split a window that crosses midnight "
                        + "into two rows");
            } else if (t.startSeconds() >= t.endSeconds()) {
                FeedRule.error(p, t.src(), "start_time must be before end_time");
            }
        }
    }
}
