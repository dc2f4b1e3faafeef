package org.farebox.clearing.report;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts over a set of rows: taps, revenue (sum of amountFen over rows whose state moved money:
 * COMPLETE, DEBITED, MAC2_FAIL — as the terminal's LedgerTotals counts it), rows by outcome, by card
 * type and by settlement state.
 */
public record Tally(long taps, long revenueFen, SortedMap<String, Long> byOutcome, SortedMap<Integer, Long> byCardType,
        SortedMap<String, Long> byState) {

    /** The settlement states whose amount was taken from the card. */
    public static final Set<String> MONEY_STATES = Set.of("COMPLETE", "DEBITED", "MAC2_FAIL");

    public Tally {
        byOutcome = Collections.unmodifiableSortedMap(new TreeMap<>(byOutcome));
        byCardType = Collections.unmodifiableSortedMap(new TreeMap<>(byCardType));
        byState = Collections.unmodifiableSortedMap(new TreeMap<>(byState));
    }

    public static Tally empty() {
        return new Builder().build();
    }

    /** Rows with this outcome (0 when none). */
    public long outcome(String outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    /** Adds rows one at a time. */
    public static final class Builder {
        private long taps;
        private long revenueFen;
        private final Map<String, Long> byOutcome = new TreeMap<>();
        private final Map<Integer, Long> byCardType = new TreeMap<>();
        private final Map<String, Long> byState = new TreeMap<>();

        public Builder add(String outcome, String state, int cardType, long amountFen) {
            taps++;
            if (MONEY_STATES.contains(state)) {
                revenueFen = Math.addExact(revenueFen, amountFen);
            }
            byOutcome.merge(outcome, 1L, Long::sum);
            byCardType.merge(cardType, 1L, Long::sum);
            byState.merge(state, 1L, Long::sum);
            return this;
        }

        public Tally build() {
            return new Tally(taps, revenueFen, new TreeMap<>(byOutcome), new TreeMap<>(byCardType),
                    new TreeMap<>(byState));
        }
    }
}
