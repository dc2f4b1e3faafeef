package org.farebox.fare.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.ServiceCalendar;
import org.farebox.fare.model.Timeframe;

/** Whether an instant falls in a timeframe group: local time of day in [start, end) on a day its calendar runs. */
final class TimeframeMatcher {
    private TimeframeMatcher() {
    }

    static boolean matches(FareTable table, String groupId, Instant when) {
        ZonedDateTime local = when.atZone(table.zone());
        LocalDate date = local.toLocalDate();
        int second = local.toLocalTime().toSecondOfDay();
        for (Timeframe tf : table.index().timeframes(groupId)) {
            if (tf.containsSecondOfDay(second) && runsOn(table, tf.serviceId(), date)) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsOn(FareTable table, String serviceId, LocalDate date) {
        if (serviceId.isEmpty()) {
            return true;
        }
        Optional<ServiceCalendar> calendar = table.index().calendar(serviceId);
        return calendar.isPresent() && calendar.get().activeOn(date);
    }
}
