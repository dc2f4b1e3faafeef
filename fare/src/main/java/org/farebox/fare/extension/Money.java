package org.farebox.fare.extension;

import java.math.BigDecimal;

/** Money arithmetic in fen (long, never floating point): parsing yuan amounts and rounding percentages. */
public final class Money {
    /** Largest amount an extension file may state: 1,000,000 yuan; protects the long arithmetic from absurd values. */
    public static final long MAX_FEN = 100_000_000L;

    private Money() {
    }

    /**
     * Parses a non-negative yuan amount with at most two decimals ("2", "2.5", "12.00") into fen.
     *
     * @throws IllegalArgumentException with a message fit for a {@link Problem}
     */
    public static long parseYuan(String text) {
        if (!text.matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("amount '" + text
                    + "' is not a non-negative yuan amount with at most 2 decimals (e.g. 12.50)");
        }
        long fen = new BigDecimal(text).movePointRight(2).longValueExact();
        if (fen > MAX_FEN) {
            throw new IllegalArgumentException("amount '" + text + "' is above the 1,000,000 yuan limit");
        }
        return fen;
    }

    /**
     * {@code percentBasisPoints / 10000} of {@code fen}, rounded half-up to the fen (37.5 fen becomes 38).
     * Exact in long arithmetic for every amount up to {@link #MAX_FEN}.
     */
    public static long percentOf(long fen, int percentBasisPoints) {
        if (fen < 0 || percentBasisPoints < 0 || percentBasisPoints > 10_000) {
            throw new IllegalArgumentException("percentOf(" + fen + ", " + percentBasisPoints + ")");
        }
        return (fen * percentBasisPoints + 5_000) / 10_000;
    }

    /** Formats fen as yuan with two decimals, for messages. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
