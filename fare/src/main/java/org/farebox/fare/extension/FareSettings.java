package org.farebox.fare.extension;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * farebox_settings.txt: when the transport day starts (local time) and which day starts the week. Turns a tap's
 * local date-time into the day and week keys the accumulators use.
 */
public record FareSettings(LocalTime transportDayStart, DayOfWeek weekStart) {
    /** Midnight, Monday: what a feed without farebox_settings.txt gets. */
    public static final FareSettings DEFAULT = new FareSettings(LocalTime.MIDNIGHT, DayOfWeek.MONDAY);

    public FareSettings {
        Objects.requireNonNull(transportDayStart, "transportDayStart");
        Objects.requireNonNull(weekStart, "weekStart");
    }

    /** The transport day a local time belongs to: before {@code transportDayStart} it is still the previous day. */
    public LocalDate transportDay(LocalDateTime localTime) {
        LocalDate date = localTime.toLocalDate();
        return localTime.toLocalTime().isBefore(transportDayStart) ? date.minusDays(1) : date;
    }

    /** The key of the week a transport day belongs to: that week's first transport day. */
    public LocalDate weekKey(LocalDate transportDay) {
        return transportDay.with(TemporalAdjusters.previousOrSame(weekStart));
    }
}
