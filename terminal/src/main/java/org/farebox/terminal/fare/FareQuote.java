package org.farebox.terminal.fare;

/** The price of one tap, the rider category it was priced for, and the rule that produced it. */
public record FareQuote(long amountFen, String riderCategory, String rule) {
    public FareQuote {
        if (amountFen < 0) {
            throw new IllegalArgumentException("a fare is never negative: " + amountFen);
        }
    }
}
