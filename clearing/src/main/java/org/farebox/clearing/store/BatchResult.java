package org.farebox.clearing.store;

import java.util.List;
import java.util.Optional;

/**
 * What storing one batch did, all in one committed transaction.
 *
 * @param stored     rows newly stored
 * @param duplicates rows already stored before (same or, for a CONFLICT, a different hash): dropped
 * @param findings   findings opened by this batch
 * @param refusal    present when nothing was stored because the batch may not be filed (its terminal
 *                   belongs to another operator); the caller quarantines it
 */
public record BatchResult(int stored, int duplicates, List<Finding> findings, Optional<String> refusal) {

    public BatchResult {
        findings = List.copyOf(findings);
    }

    static BatchResult refused(String reason) {
        return new BatchResult(0, 0, List.of(), Optional.of(reason));
    }
}
