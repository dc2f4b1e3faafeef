package org.farebox.fare.gtfs.feed;

import java.time.LocalDate;

/** calendar_dates.txt: a service added ({@code exceptionType} 1) or removed (2) on one date. */
public record CalendarDate(Source src, String serviceId, LocalDate date, int exceptionType) {
}
