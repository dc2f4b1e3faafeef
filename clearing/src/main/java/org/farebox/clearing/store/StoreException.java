package org.farebox.clearing.store;

/** The store could not do its work (database unreachable, full, corrupt); nothing was half-written. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badData;

    public StoreException(String message) {
        this(message, null, false);
    }

    public StoreException(String message, Throwable cause, boolean badData) {
        super(message, cause);
        this.badData = badData;
    }

    /** True when the database refused the data itself: trying again cannot help, quarantine it. */
    public boolean isBadData() {
        return badData;
    }
}
