package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A voucher a rider holds: its product ({@code voucherId} in farebox_vouchers.txt), the value left in fen, and the
 * last transport day it may be used (null = no expiry of its own).
 */
public record HeldVoucher(String voucherId, long remainingFen, LocalDate expiresOn) {
    public HeldVoucher {
        Objects.requireNonNull(voucherId, "voucherId");
        if (remainingFen < 0) {
            throw new IllegalArgumentException("voucher " + voucherId + " cannot hold a negative value");
        }
    }

    /** A new voucher of {@code product} issued on {@code issueDay}, holding its face value. */
    public static HeldVoucher issue(Voucher product, LocalDate issueDay) {
        return new HeldVoucher(product.voucherId(), product.faceValueFen(), product.expiryFor(issueDay));
    }
}
