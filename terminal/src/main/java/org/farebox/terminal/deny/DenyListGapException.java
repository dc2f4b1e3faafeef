package org.farebox.terminal.deny;

/**
 * A delta that does not apply to the list the terminal holds: its base is not the terminal's version, or its
 * entries contradict the list (removing a card that is not denied, say). Nothing was changed; the caller falls
 * back to the snapshot, unless {@link #isStale()} says the delta is simply old news.
 */
public class DenyListGapException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long currentVersion;
    private final long deltaVersion;
    private final boolean stale;

    DenyListGapException(long currentVersion, long deltaVersion, boolean stale, String message) {
        super(message);
        this.currentVersion = currentVersion;
        this.deltaVersion = deltaVersion;
        this.stale = stale;
    }

    /** The version of the list the terminal holds (unchanged). */
    public long currentVersion() {
        return currentVersion;
    }

    public long deltaVersion() {
        return deltaVersion;
    }

    /**
     * True if the delta is not newer than the signed list the terminal holds (a redelivered message): there is
     * nothing to fetch. False for a real gap or a contradiction: load the snapshot.
     */
    public boolean isStale() {
        return stale;
    }
}
