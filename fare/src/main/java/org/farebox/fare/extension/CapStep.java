package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies the caps to a leg's amount after promotions. For each period the most specific cap matching the leg is
 * used (the parser guarantees it is unique): the leg may cost at most what is left under the cap, so the period's
 * total never exceeds it. The leg's amount counts toward a period's total only when a cap of that period matched.
 */
final class CapStep {
    /** The amount after caps, what they took off, and the new totals. */
    record Result(long amountFen, List<Adjustment> adjustments, CapState state) {
    }

    private CapStep() {
    }

    static Result apply(List<Cap> caps, PricedLeg leg, LocalDate day, LocalDate week, CapState state, long amount) {
        Optional<Cap> dayCap = select(caps, CapPeriod.DAY, leg);
        Optional<Cap> weekCap = select(caps, CapPeriod.WEEK, leg);
        Optional<Cap> rollingCap = select(caps, CapPeriod.ROLLING_7D, leg);
        List<Adjustment> adjustments = new java.util.ArrayList<>();
        amount = limit(dayCap, state.dayTotal(day), amount, adjustments);
        amount = limit(weekCap, state.weekTotal(week), amount, adjustments);
        amount = limit(rollingCap, state.rollingTotal(day), amount, adjustments);
        CapState next = state.plus(day, week, amount, dayCap.isPresent(), weekCap.isPresent(), rollingCap.isPresent());
        return new Result(amount, adjustments, next);
    }

    private static long limit(Optional<Cap> cap, long total, long amount, List<Adjustment> adjustments) {
        if (cap.isEmpty()) {
            return amount;
        }
        long room = Math.max(0, cap.get().amountFen() - total);
        if (amount <= room) {
            return amount;
        }
        adjustments.add(new Adjustment(Adjustment.Kind.CAP, cap.get().capId(), amount - room));
        return room;
    }

    static Optional<Cap> select(List<Cap> caps, CapPeriod period, PricedLeg leg) {
        return caps.stream().filter(c -> c.period() == period && c.scope().matches(leg))
                .max(Comparator.comparingInt((Cap c) -> c.scope().specificity()).thenComparing(Cap::capId,
                        Comparator.reverseOrder()));
    }
}
