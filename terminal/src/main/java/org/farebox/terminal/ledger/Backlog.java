package org.farebox.terminal.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * The part of the ledger the clearing host has not acknowledged yet, for status reports.
 *
 * @param lastSequence      sequence of the newest row, 0 for an empty ledger
 * @param clearedThrough    rows up to this sequence are acknowledged by the clearing host
 * @param oldestUncleared   time of the first row after the cleared mark; empty when all are cleared
 * @param lastClearedAt     when the mark last moved; empty if it never did
 */
public record Backlog(long lastSequence, long clearedThrough, Optional<Instant> oldestUncleared,
        Optional<Instant> lastClearedAt) {

    /** Rows written but not yet acknowledged by the clearing host (sequences are gap-free). */
    public long rows() {
        return lastSequence - clearedThrough;
    }
}
