package org.farebox.clearing.store;

import java.util.List;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.protocol.sync.TxnBatch;

/**
 * Where the clearing host keeps what terminals send: rows (once per terminal and sequence), findings,
 * quarantined messages and counters. Every method is safe to call from several threads, and several
 * stores (in one process or several) may share one database.
 */
public interface ClearingStore extends AutoCloseable {

    /** How much of a quarantined message is kept; the full length is recorded beside it. */
    int QUARANTINE_KEEP_BYTES = 1024 * 1024;

    /**
     * Checks and stores a batch in one transaction: new rows are stored (a row with a wrong hash too,
     * flagged), rows already stored are counted as duplicates, and gaps, chain breaks, hash
     * mismatches and conflicts become findings. When this returns, the transaction is committed.
     */
    BatchResult store(TxnBatch batch);

    /**
     * Keeps a message that cannot be stored as rows, with a finding of {@code kind} (QUARANTINED or
     * MISMATCHED_TOPIC), in one transaction.
     *
     * @param terminalId "" when unknown; firstSeq/lastSeq 0 when unknown
     */
    Finding quarantine(String topic, String terminalId, byte[] payload, String error, FindingKind kind, long firstSeq,
            long lastSeq);

    /** Per-terminal and per-day totals, plus duplicates dropped and open findings. */
    Report report(ReportQuery query);

    /** Findings, oldest first; only the unresolved ones when {@code openOnly}. */
    List<Finding> findings(boolean openOnly);

    /** Quarantined messages, oldest first. */
    List<QuarantinedMessage> quarantined();

    /**
     * Rows of account media (see {@link AccountRow}) that were charged ({@code outcome} PAID) at
     * {@code from} inclusive to {@code to} exclusive, ordered by time, terminal and sequence.
     */
    List<AccountRow> accountRows(java.time.Instant from, java.time.Instant to);

    /**
     * Makes the stored adjustments of {@code accountId} on {@code transportDay} exactly {@code records} in one
     * transaction: records already stored with the same values stay as they are (and keep their time), changed
     * ones are replaced, ones no longer due are deleted. Calling it again with the same records changes nothing.
     */
    AdjustmentWrite replaceAdjustments(String accountId, java.time.LocalDate transportDay,
            List<AdjustmentRecord> records);

    /** Adjustments of a transport day (all days when empty), by day, account and leg. */
    List<AdjustmentRecord> adjustments(java.util.Optional<java.time.LocalDate> transportDay);

    /** Rows stored, all terminals. */
    long rowCount();

    /** Rows dropped as already stored, all terminals, since the store was created. */
    long duplicatesDropped();

    @Override
    void close();
}
