package org.farebox.protocol.deny;

/** A deny-list payload that is not a well-formed snapshot or delta; the message says what and where. */
public class DenyListFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public DenyListFormatException(String message) {
        super(message);
    }
}
