package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pays what is left of a leg with the rider's vouchers, soonest-expiring first (then the smallest value, then the
 * order held), so value about to lapse is used before value that keeps. A voucher product that does not stack is
 * used only on a leg nothing else touched, and then alone.
 */
final class VoucherStep {
    /** The amount left to pay, what the vouchers paid, and the vouchers afterwards (same order as held). */
    record Result(long amountFen, List<Adjustment> adjustments, List<HeldVoucher> vouchers) {
    }

    private VoucherStep() {
    }

    static Result apply(FareExtensions ext, PricedLeg leg, LocalDate day, List<HeldVoucher> held, long amount,
            boolean legAlreadyAdjusted) {
        List<HeldVoucher> after = new ArrayList<>(held);
        List<Adjustment> adjustments = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> held.get(i).expiresOn(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(i -> held.get(i).remainingFen())
                .thenComparingInt(i -> i));
        for (int i : order) {
            if (amount == 0) {
                break;
            }
            HeldVoucher v = held.get(i);
            Optional<Voucher> product = ext.voucher(v.voucherId());
            if (product.isEmpty() || !usable(v, product.get(), leg, day)) {
                continue;
            }
            boolean touched = legAlreadyAdjusted || !adjustments.isEmpty();
            if (!product.get().stacks() && touched) {
                continue;
            }
            long used = Math.min(amount, v.remainingFen());
            amount -= used;
            after.set(i, new HeldVoucher(v.voucherId(), v.remainingFen() - used, v.expiresOn()));
            adjustments.add(new Adjustment(Adjustment.Kind.VOUCHER, v.voucherId(), used));
            if (!product.get().stacks()) {
                break;
            }
        }
        return new Result(amount, adjustments, after);
    }

    private static boolean usable(HeldVoucher v, Voucher product, PricedLeg leg, LocalDate day) {
        return v.remainingFen() > 0 && (v.expiresOn() == null || !day.isAfter(v.expiresOn()))
                && product.usableOn(day) && product.scope().matches(leg);
    }
}
