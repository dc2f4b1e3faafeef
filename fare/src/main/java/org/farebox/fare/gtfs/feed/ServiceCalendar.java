package org.farebox.fare.gtfs.feed;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** calendar.txt: a service's weekdays ({@code dayMask} bit 0 = Monday … bit 6 = Sunday) and date range. */
public record ServiceCalendar(Source src, String serviceId, int dayMask, LocalDate start, LocalDate end) {
    public boolean runsOn(DayOfWeek day) {
        return (dayMask & (1 << (day.getValue() - 1))) != 0;
    }
}
