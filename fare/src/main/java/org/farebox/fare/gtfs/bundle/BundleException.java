package org.farebox.fare.gtfs.bundle;

/** A fare bundle that is not one: wrong magic or format, truncated, corrupted or out of bounds. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
