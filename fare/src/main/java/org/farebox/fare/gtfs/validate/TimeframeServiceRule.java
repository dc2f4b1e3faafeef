package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.CalendarDate;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.ServiceCalendar;
import org.farebox.fare.gtfs.feed.Timeframe;

/** timeframes.txt service_id values are services of calendar.txt or calendar_dates.txt. */
public final class TimeframeServiceRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> services = Ids.of(feed.calendars(), ServiceCalendar::serviceId);
        services.addAll(Ids.of(feed.calendarDates(), CalendarDate::serviceId));
        for (Timeframe t : feed.timeframes()) {
            Ids.reference(p, t.src(), "service_id", t.serviceId(), services, "calendar.txt or calendar_dates.txt");
        }
    }
}
