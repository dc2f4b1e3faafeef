package org.farebox.simulator.card;

/**
 * Thrown by a responder when the card leaves the field during a command: the reader reports the card
 * gone and the terminal sees an I/O error, exactly as when a passenger pulls the card away. Whether the
 * command took effect before the tear is up to the responder that throws it.
 */
public class CardTornException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CardTornException(String message) {
        super(message);
    }
}
