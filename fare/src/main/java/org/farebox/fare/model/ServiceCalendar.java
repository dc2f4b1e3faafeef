package org.farebox.fare.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A service calendar (calendar.txt plus calendar_dates.txt): weekdays in a date range, plus exceptions. */
public record ServiceCalendar(String serviceId, Set<DayOfWeek> weekdays, LocalDate startDate, LocalDate endDate,
        Set<LocalDate> addedDates, Set<LocalDate> removedDates) {
    public ServiceCalendar {
        Check.id(serviceId, "service_id");
        Objects.requireNonNull(startDate, "start_date must not be null");
        Objects.requireNonNull(endDate, "end_date must not be null");
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        addedDates = Set.copyOf(addedDates);
        removedDates = Set.copyOf(removedDates);
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("service " + serviceId + " ends before it starts");
        }
    }

    /** Every day in the range. */
    public static ServiceCalendar everyDay(String serviceId, LocalDate startDate, LocalDate endDate) {
        return new ServiceCalendar(serviceId, EnumSet.allOf(DayOfWeek.class), startDate, endDate, Set.of(), Set.of());
    }

    public boolean activeOn(LocalDate date) {
        if (removedDates.contains(date)) {
            return false;
        }
        if (addedDates.contains(date)) {
            return true;
        }
        return !date.isBefore(startDate) && !date.isAfter(endDate) && weekdays.contains(date.getDayOfWeek());
    }
}
