package org.farebox.terminal.update;

import org.farebox.protocol.signed.UpdateRejectedException;

/**
 * The terminal's deny list as operator updates see it: a version, a whole snapshot to replace it, a delta to
 * step it one version. Payloads are the deny-list binary format (org.farebox.protocol.deny); the adapter over
 * the deny-list store decodes them. The version checks (stale, gap) are made before these are called.
 */
public interface DenyListTarget {
    /** The version of the signed list held; 0 for none (or a technician's local list). */
    long version();

    /**
     * Installs the snapshot unless the list held is already exactly that version with those entries; true if the
     * list changed. INVALID_PAYLOAD if the payload does not decode or its version is not {@code version}.
     */
    boolean applySnapshot(long version, byte[] payload) throws UpdateRejectedException;

    /**
     * Steps the list from {@code version - 1} to {@code version}; INVALID_PAYLOAD if the payload does not decode
     * or says another version, GAP if it does not fit the list held (nothing is changed then).
     */
    void applyDelta(long version, byte[] payload) throws UpdateRejectedException;
}
