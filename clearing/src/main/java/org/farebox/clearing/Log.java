package org.farebox.clearing;

import org.farebox.clearing.store.BatchResult;
import org.farebox.clearing.store.Finding;
import org.farebox.protocol.sync.TxnBatch;
import org.tinylog.Logger;

/** The clearing host's log lines: every batch at debug (terminal and seq range), every finding at warn. */
final class Log {
    private Log() {
    }

    static void batch(TxnBatch batch, BatchResult result) {
        Logger.debug("batch {} (operator {}): {} stored, {} duplicates", batch.label(), batch.operator(),
                result.stored(), result.duplicates());
        result.findings().forEach(Log::finding);
    }

    static void finding(Finding f) {
        Logger.warn("finding {}", f.describe());
    }
}
