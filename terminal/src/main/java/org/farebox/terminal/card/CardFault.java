package org.farebox.terminal.card;

/**
 * Something went wrong talking to a card. The subclasses say who failed, because that decides what the
 * passenger is told: the card left the field (tap again), the card refused (card rejected), or the card
 * answered nonsense (card error).
 */
public abstract class CardFault extends Exception {
    private static final long serialVersionUID = 1L;

    protected CardFault(String message, Throwable cause) {
        super(message, cause);
    }
}
