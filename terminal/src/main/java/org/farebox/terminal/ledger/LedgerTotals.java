package org.farebox.terminal.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters for status reports: rows per outcome (every outcome present, zero when none), revenue =
 * sum of amountFen over rows whose state moved money (COMPLETE, DEBITED, MAC2_FAIL), open intents.
 */
public record LedgerTotals(Map<Outcome, Long> rowsByOutcome, long revenueFen, long openIntents) {

    public LedgerTotals {
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, rowsByOutcome.getOrDefault(o, 0L));
        }
        rowsByOutcome = Collections.unmodifiableMap(all);
    }

    /** Total number of rows. */
    public long rows() {
        return rowsByOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rows(Outcome outcome) {
        return rowsByOutcome.get(outcome);
    }
}
