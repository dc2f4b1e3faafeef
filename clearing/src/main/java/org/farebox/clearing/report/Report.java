package org.farebox.clearing.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the clearing host holds for a query: per terminal and day, per terminal, in total; with the
 * duplicates it dropped and the findings still open (both for the query's terminal, or all).
 */
public record Report(ReportQuery query, List<TerminalDay> days, SortedMap<String, Tally> perTerminal, Tally total,
        long duplicatesDropped, long openFindings) {

    public Report {
        days = List.copyOf(days);
        perTerminal = Collections.unmodifiableSortedMap(new TreeMap<>(perTerminal));
    }

    /** Totals of one terminal (empty tally when it has no rows in the report). */
    public Tally terminal(String terminalId) {
        return perTerminal.getOrDefault(terminalId, Tally.empty());
    }

    /** Collects rows in any order and builds the report. */
    public static final class Accumulator {
        private final ReportQuery query;
        private final ZoneId zone;
        private final Map<String, Map<LocalDate, Tally.Builder>> days = new TreeMap<>();
        private final Map<String, Tally.Builder> terminals = new TreeMap<>();
        private final Tally.Builder total = new Tally.Builder();

        public Accumulator(ReportQuery query) {
            this.query = query;
            this.zone = query.zone();
        }

        public void add(String terminalId, long timeMillis, String outcome, String state, int cardType,
                long amountFen) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(timeMillis), zone);
            days.computeIfAbsent(terminalId, t -> new TreeMap<>()).computeIfAbsent(day, d -> new Tally.Builder())
                    .add(outcome, state, cardType, amountFen);
            terminals.computeIfAbsent(terminalId, t -> new Tally.Builder()).add(outcome, state, cardType, amountFen);
            total.add(outcome, state, cardType, amountFen);
        }

        public Report build(long duplicatesDropped, long openFindings) {
            List<TerminalDay> list = new ArrayList<>();
            days.forEach((terminal, perDay) -> perDay.forEach((day, b) -> list.add(new TerminalDay(terminal, day,
                    b.build()))));
            SortedMap<String, Tally> perTerminal = new TreeMap<>();
            terminals.forEach((t, b) -> perTerminal.put(t, b.build()));
            return new Report(query, list, perTerminal, total.build(), duplicatesDropped, openFindings);
        }
    }
}
