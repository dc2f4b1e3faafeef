package org.farebox.fare.extension;

import java.util.Objects;

/**
 * One change the extension rules made to a leg, for the ledger and the receipt: what kind, the id of the cap,
 * promotion or voucher product, and the fen it took off (or, for cashback, paid back). Always positive.
 */
public record Adjustment(Kind kind, String sourceId, long fen) {
    /** Where an adjustment comes from. */
    public enum Kind {
        /** A promotion lowered the price. */
        PROMOTION,
        /** A promotion pays this back after the ride; the fare charged is unchanged. */
        CASHBACK,
        /** A cap lowered the price so the period's total stays within it. */
        CAP,
        /** A voucher paid this part of the fare. */
        VOUCHER
    }

    public Adjustment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
        if (fen <= 0) {
            throw new IllegalArgumentException("an adjustment is a positive amount, not " + fen);
        }
    }
}
