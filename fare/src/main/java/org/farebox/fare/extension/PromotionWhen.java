package org.farebox.fare.extension;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a promotion applies. Every condition set must hold: the local clock time in [start, end) (seconds after
 * midnight, end up to 86400), the transport day's weekday in {@code weekdays}, the transport day in {@code dates}
 * (empty = any date), and the transport day within [validFrom, validUntil] (null = open).
 */
public record PromotionWhen(int startSecond, int endSecond, Set<DayOfWeek> weekdays, Set<LocalDate> dates,
        LocalDate validFrom, LocalDate validUntil) {
    /** Always. */
    public static final PromotionWhen ALWAYS =
            new PromotionWhen(0, 86_400, EnumSet.allOf(DayOfWeek.class), Set.of(), null, null);

    public PromotionWhen {
        if (startSecond < 0 || endSecond > 86_400 || startSecond >= endSecond) {
            throw new IllegalArgumentException("time window " + startSecond + ".." + endSecond + " is empty or outside the day");
        }
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        dates = Set.copyOf(Objects.requireNonNull(dates, "dates"));
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid_until " + validUntil + " is before valid_from " + validFrom);
        }
    }

    public boolean holds(LocalDateTime localTime, LocalDate transportDay) {
        int second = localTime.toLocalTime().toSecondOfDay();
        return second >= startSecond && second < endSecond
                && (weekdays.isEmpty() || weekdays.contains(transportDay.getDayOfWeek()))
                && (dates.isEmpty() || dates.contains(transportDay))
                && (validFrom == null || !transportDay.isBefore(validFrom))
                && (validUntil == null || !transportDay.isAfter(validUntil));
    }
}
