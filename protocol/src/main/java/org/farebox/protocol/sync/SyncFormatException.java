package org.farebox.protocol.sync;

/** A batch or ack that does not follow the wire format; the message says which field and why. */
public final class SyncFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public SyncFormatException(String message) {
        super(message);
    }
}
