package org.farebox.fare.card;

import java.util.Objects;

/**
 * The result of reading Farebox's block from a card: the state when the block is ours and intact, otherwise
 * {@link CardJourneyState#EMPTY} and why. A terminal prices a card without state as a fresh journey.
 */
public record CardStateRead(Status status, CardJourneyState state, String detail) {
    /** What the block held. */
    public enum Status {
        /** Farebox state, checksum correct. */
        OK,
        /** All zero or all 0xFF: a card Farebox never wrote. */
        BLANK,
        /** Someone else's data (another record type, or no Farebox marker): a card used elsewhere. */
        FOREIGN,
        /** A Farebox block of a layout version this code does not know (written by newer firmware). */
        UNKNOWN_VERSION,
        /** A Farebox marker but a wrong length, checksum or field: torn write or damage. */
        CORRUPT
    }

    public CardStateRead {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        if (status != Status.OK && !state.equals(CardJourneyState.EMPTY)) {
            throw new IllegalArgumentException("only an OK read carries state");
        }
    }

    static CardStateRead ok(CardJourneyState state) {
        return new CardStateRead(Status.OK, state, "");
    }

    static CardStateRead none(Status status, String detail) {
        return new CardStateRead(status, CardJourneyState.EMPTY, detail);
    }

    public boolean hasState() {
        return status == Status.OK;
    }
}
