package org.farebox.clearing.store;

/** What a finding is about; every kind is reported, none is silently accepted. */
public enum FindingKind {
    /** Rows first..last of a terminal have not arrived although later rows have (resolved when they do). */
    GAP,
    /** A row's prev_hash is not the stored hash of its predecessor (or not the genesis hash for seq 1). */
    CHAIN_BREAK,
    /** A row's hash is not SHA-256 of its fields: stored anyway (the money record must not vanish), flagged. */
    HASH_MISMATCH,
    /** A (terminal, seq) arrived again with a different hash; the first stored row is kept. */
    CONFLICT,
    /** A message on a txn topic could not be read as a batch; its bytes are kept in quarantine. */
    QUARANTINED,
    /** A batch names another terminal or operator than its topic (or its terminal belongs to another operator). */
    MISMATCHED_TOPIC
}
