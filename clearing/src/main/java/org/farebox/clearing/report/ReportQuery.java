package org.farebox.clearing.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rows a report covers: days {@code from..to} inclusive in {@code zone} (open ends when empty),
 * one terminal or all.
 */
public record ReportQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> terminalId, ZoneId zone) {

    public ReportQuery {
        Objects.requireNonNull(zone, "zone");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("--to " + to.get() + " is before --from " + from.get());
        }
    }

    /** Every row of every terminal, days in {@code zone}. */
    public static ReportQuery all(ZoneId zone) {
        return new ReportQuery(Optional.empty(), Optional.empty(), Optional.empty(), zone);
    }

    /** First millisecond covered (epoch ms), or Long.MIN_VALUE. */
    public long fromMillis() {
        return from.map(d -> d.atStartOfDay(zone).toInstant().toEpochMilli()).orElse(Long.MIN_VALUE);
    }

    /** First millisecond no longer covered (epoch ms), or Long.MAX_VALUE. */
    public long toMillisExclusive() {
        return to.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()).orElse(Long.MAX_VALUE);
    }
}
