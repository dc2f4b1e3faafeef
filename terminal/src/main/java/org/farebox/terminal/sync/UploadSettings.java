package org.farebox.terminal.sync;

import java.time.Duration;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.terminal.config.SyncConfig;

/**
 * How the uploader batches: a batch closes at {@code batchRows} rows or when its oldest row has waited
 * {@code batchMaxWait}; at most {@code inFlightBatches} batches await their ack; a batch without ack
 * after {@code ackTimeout} makes the uploader send again from the cleared mark.
 */
public record UploadSettings(int batchRows, Duration batchMaxWait, int inFlightBatches, Duration ackTimeout) {

    public UploadSettings {
        if (batchRows < 1 || batchRows > TxnBatch.MAX_ROWS) {
            throw new IllegalArgumentException("batchRows must be 1.." + TxnBatch.MAX_ROWS + ", got " + batchRows);
        }
        if (inFlightBatches < 1) {
            throw new IllegalArgumentException("inFlightBatches must be >= 1, got " + inFlightBatches);
        }
        if (batchMaxWait.isNegative() || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("batchMaxWait must be >= 0 and ackTimeout > 0");
        }
    }

    public static UploadSettings from(SyncConfig c) {
        return new UploadSettings(c.batchRows(), c.batchMaxWait(), c.inFlightBatches(), c.ackTimeout());
    }

    /** The most rows the uploader holds in memory at once (being encoded or awaiting PUBACK). */
    public long rowsInMemoryBound() {
        return (long) batchRows * (inFlightBatches + 1);
    }
}
