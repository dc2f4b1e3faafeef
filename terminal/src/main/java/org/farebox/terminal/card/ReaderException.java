package org.farebox.terminal.card;

/** The reader itself is missing or broken: the terminal is out of service until it comes back. */
public class ReaderException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
