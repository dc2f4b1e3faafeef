package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies caps, promotions and vouchers to a leg the GTFS engine priced. Pure and deterministic: the same leg and
 * state always give the same outcome. Order: promotions (they set the ride's price), then caps (they bound the
 * total of prices, so nothing after them can push a period over its cap), then vouchers (they are a means of
 * payment, like the purse: the capped fare counts toward the caps whoever pays it, and no voucher value is spent
 * on fare a cap waived).
 */
public final class ExtensionEvaluator {
    private final FareExtensions extensions;

    public ExtensionEvaluator(FareExtensions extensions) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
    }

    public FareExtensions extensions() {
        return extensions;
    }

    /** Evaluates one leg against the rider's state; the outcome carries the state to pass with the next leg. */
    public LegOutcome evaluate(PricedLeg leg, RiderState state) {
        LocalDate day = extensions.settings().transportDay(leg.localTime());
        LocalDate week = extensions.settings().weekKey(day);
        PromotionStep.Result promo = PromotionStep.apply(extensions.promotions(), leg, day, state.promotions());
        CapStep.Result capped = CapStep.apply(extensions.caps(), leg, day, week, state.caps(), promo.amountFen());
        long fare = capped.amountFen();
        long earned = PromotionStep.pointsEarned(extensions.promotions(), leg, day, fare);
        List<Adjustment> adjustments = new ArrayList<>(promo.adjustments());
        adjustments.addAll(capped.adjustments());
        VoucherStep.Result paid = VoucherStep.apply(extensions, leg, day, state.vouchers(), fare,
                !adjustments.isEmpty());
        adjustments.addAll(paid.adjustments());
        PromoState promoState = new PromoState(day, saturatingAdd(promo.pointsLeft(), earned));
        return new LegOutcome(paid.amountFen(), fare, adjustments, earned,
                new RiderState(capped.state(), promoState, paid.vouchers()));
    }

    /** Evaluates legs in order, each with the state the previous one left. */
    public List<LegOutcome> evaluateAll(List<PricedLeg> legs, RiderState state) {
        List<LegOutcome> out = new ArrayList<>(legs.size());
        for (PricedLeg leg : legs) {
            LegOutcome o = evaluate(leg, state);
            out.add(o);
            state = o.newState();
        }
        return out;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
