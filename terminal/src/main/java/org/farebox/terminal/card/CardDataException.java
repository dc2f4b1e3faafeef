package org.farebox.terminal.card;

/** The card answered with data that is malformed, short or inconsistent. */
public class CardDataException extends CardFault {
    private static final long serialVersionUID = 1L;

    public CardDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
