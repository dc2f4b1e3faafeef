package org.farebox.terminal.sam;

/** The SAM refused or failed: a terminal fault, not the passenger's. */
public class SamException extends Exception {
    private static final long serialVersionUID = 1L;

    public SamException(String message, Throwable cause) {
        super(message, cause);
    }
}
