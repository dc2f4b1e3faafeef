package org.farebox.terminal.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * The uploader's counters since start, for the status report.
 *
 * @param rowsDelivered    rows newly acknowledged by the clearing host (the cleared mark's advance)
 * @param batchesSent      batches published, resends included
 * @param batchesResent    batches holding rows that had been published before (after ack timeout or reconnect)
 * @param acksIgnored      acks that were malformed, for another terminal, or for rows never sent
 * @param lastAckAt        when the last accepted ack arrived; empty before the first
 * @param batchesInFlight  batches published and not yet acknowledged
 * @param clearedThrough   the cleared mark as the uploader knows it (written to the ledger right after)
 * @param publishedThrough the last row published since the last rewind
 */
public record UploaderStats(long rowsDelivered, long batchesSent, long batchesResent, long acksIgnored,
        Optional<Instant> lastAckAt, int batchesInFlight, long clearedThrough, long publishedThrough) {
}
