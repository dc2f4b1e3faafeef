package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.ServiceCalendar;

/** calendar.txt: start_date is not after end_date. */
public final class CalendarRangeRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        for (ServiceCalendar c : feed.calendars()) {
            if (c.start() != null && c.end() != null && c.start().isAfter(c.end())) {
                FeedRule.error(p, c.src(), "start_date " + c.start() + " is after end_date " + c.end());
            }
        }
    }
}
