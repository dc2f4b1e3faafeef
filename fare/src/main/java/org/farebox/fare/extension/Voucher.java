package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of farebox_vouchers.txt: a voucher product. A held voucher of this product starts at {@code faceValueFen}
 * and expires {@code validityDays} transport days after issue (0 = no such limit), never after {@code validUntil};
 * it pays only for legs in {@code scope}, and when {@code stacks} is false only for a leg no cap, promotion or
 * other voucher touched.
 */
public record Voucher(String voucherId, long faceValueFen, int validityDays, LocalDate validFrom, LocalDate validUntil,
        Scope scope, boolean stacks) {
    public Voucher {
        Objects.requireNonNull(voucherId, "voucherId");
        Objects.requireNonNull(scope, "scope");
        if (faceValueFen <= 0 || validityDays < 0) {
            throw new IllegalArgumentException("voucher " + voucherId + " needs a positive face value");
        }
    }

    /** The date a voucher of this product issued on {@code issueDay} expires (inclusive), or null when it never does. */
    public LocalDate expiryFor(LocalDate issueDay) {
        LocalDate byDays = validityDays == 0 ? null : issueDay.plusDays(validityDays - 1L);
        if (byDays == null) {
            return validUntil;
        }
        return validUntil == null || byDays.isBefore(validUntil) ? byDays : validUntil;
    }

    boolean usableOn(LocalDate transportDay) {
        return (validFrom == null || !transportDay.isBefore(validFrom))
                && (validUntil == null || !transportDay.isAfter(validUntil));
    }
}
