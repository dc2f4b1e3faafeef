package org.farebox.terminal.ledger;

/** The ledger's storage failed or refused a file; the message says what to do. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
