package org.farebox.terminal.fare;

import java.util.Objects;
import java.util.Optional;
import org.farebox.fare.card.CardJourneyState;

/**
 * The price of one tap, the rider category it was priced for, the rule that produced it (for the ledger), and the
 * journey state to write on the card with the purchase (empty: leave Farebox's bytes of record 0x1A as they are).
 * A quote with a {@code refusal} is not a price: the tap is refused with that short reason and nothing is charged.
 */
public record FareQuote(long amountFen, String riderCategory, String rule, Optional<CardJourneyState> cardState,
        String refusal) {
    public FareQuote {
        if (amountFen < 0) {
            throw new IllegalArgumentException("a fare is never negative: " + amountFen);
        }
        Objects.requireNonNull(cardState, "cardState");
        refusal = refusal == null ? "" : refusal;
    }

    /** A price that writes no journey state. */
    public FareQuote(long amountFen, String riderCategory, String rule) {
        this(amountFen, riderCategory, rule, Optional.empty(), "");
    }

    /** No fare for this tap: refused with a short reason for the display ({@code detail} goes to the ledger). */
    public static FareQuote refused(String riderCategory, String shortReason, String detail) {
        return new FareQuote(0, riderCategory, detail, Optional.empty(), shortReason);
    }

    public boolean isRefused() {
        return !refusal.isEmpty();
    }
}
