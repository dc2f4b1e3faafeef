package org.farebox.fare.extension;

import java.util.List;
import java.util.Objects;

/** Everything the extension rules remember about a rider between legs: cap totals, promotion state, vouchers held. */
public record RiderState(CapState caps, PromoState promotions, List<HeldVoucher> vouchers) {
    public static final RiderState EMPTY = new RiderState(CapState.EMPTY, PromoState.EMPTY, List.of());

    public RiderState {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(promotions, "promotions");
        vouchers = List.copyOf(vouchers);
    }
}
