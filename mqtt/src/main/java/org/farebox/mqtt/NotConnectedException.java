package org.farebox.mqtt;

/** A publish was attempted while the link is down; the caller keeps the data (the ledger is the outbox). */
public final class NotConnectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConnectedException(String message) {
        super(message);
    }
}
