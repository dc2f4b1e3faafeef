package org.farebox.terminal.ledger;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The terminal's money record and sync outbox: durable purchase intents and an append-only,
 * gap-free, hash-chained list of taps, with a forward-only mark of how far the clearing host has
 * acknowledged them. Every mutating method is durable when it returns.
 */
public interface Ledger extends AutoCloseable {

    /** Writes a PENDING intent (id 0) durably; returns it with its id. */
    PurchaseIntent recordIntent(PurchaseIntent pending);

    /** The card's TAC proved the debit; records TAC and MAC2 (8 hex digits each) durably. */
    void markDebited(long intentId, String tac, String mac2);

    /** The purchase outcome is unknown; recovery may be tried until {@code expiresAt}. Durable. */
    void markUncertain(long intentId, Instant expiresAt);

    /** Every intent not yet resolved, oldest first. */
    List<PurchaseIntent> openIntents();

    /** Assigns sequence, prevHash and hash to a draft and writes it durably. */
    TapRecord append(TapRecord draft);

    /** Appends the draft and removes the intent in ONE transaction. */
    TapRecord resolve(long intentId, TapRecord draft);

    /** Highest PSAM transaction serial over rows and intents of that PSAM, 0 if none. */
    long lastPsamSerial(String psamTerminalNo);

    /** Walks the whole chain: hashes, links, sequence continuity. */
    ChainCheck verify();

    /** Header + one RFC 4180 row per tap, in sequence order. */
    void exportCsv(Writer out) throws IOException;

    LedgerTotals totals();

    /** Number of tap rows. */
    long size();

    /** The sync outbox's mark: rows up to this sequence are acknowledged by the clearing host; 0 if none. */
    long clearedThrough();

    /**
     * Durably moves the cleared mark up to {@code throughSequence}. The mark only moves forward: a value
     * at or below it is ignored; a value above the last row is refused (IllegalArgumentException).
     */
    void markCleared(long throughSequence);

    /**
     * Rows with a sequence above {@code afterSequence}, at most {@code limit}, in sequence order. Safe to
     * call from another thread while taps are written, and never makes a tap wait.
     */
    List<TapRecord> rowsAfter(long afterSequence, int limit);

    /** What the clearing host has not acknowledged yet, for status reports. */
    Backlog backlog();

    @Override
    void close();
}
