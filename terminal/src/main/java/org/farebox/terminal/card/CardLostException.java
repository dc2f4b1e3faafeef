package org.farebox.terminal.card;

/** The card left the field or the reader lost it while a command was in flight: the answer is unknown. */
public class CardLostException extends CardFault {
    private static final long serialVersionUID = 1L;

    public CardLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
