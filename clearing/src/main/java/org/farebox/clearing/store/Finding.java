package org.farebox.clearing.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One problem the clearing host found, as stored in the {@code findings} table.
 *
 * @param terminalId "" when the topic named no valid terminal
 * @param firstSeq   0 when unknown (e.g. garbage), likewise lastSeq
 */
public record Finding(long id, String terminalId, FindingKind kind, long firstSeq, long lastSeq, String detail,
        Instant foundAt, Optional<Instant> resolvedAt) {

    public boolean isOpen() {
        return resolvedAt.isEmpty();
    }

    /** "#12 GAP T1 101-200: …", for logs and the findings command. */
    public String describe() {
        String range = firstSeq == 0 ? "" : firstSeq == lastSeq ? " seq " + firstSeq : " seq " + firstSeq + "-" + lastSeq;
        return "#" + id + " " + kind + " " + (terminalId.isEmpty() ? "(no terminal)" : terminalId) + range + ": "
                + detail + resolvedAt.map(t -> " [resolved " + t + "]").orElse("");
    }
}
