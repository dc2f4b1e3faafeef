package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies promotions to a leg's base amount, in priority order. The first matching promotion always applies;
 * a later one applies only if it and every promotion already applied have {@code stacking = stack}. Each discount
 * works on the amount left by the previous ones and never takes it below zero.
 */
final class PromotionStep {
    /** The amount after promotions, what they did, and the points left after any redemption. */
    record Result(long amountFen, List<Adjustment> adjustments, long pointsLeft) {
    }

    private PromotionStep() {
    }

    static Result apply(List<Promotion> promotions, PricedLeg leg, LocalDate day, PromoState state) {
        long amount = leg.baseFen();
        long points = state.points();
        boolean firstRide = !state.firstRideTakenOn(day);
        List<Adjustment> done = new ArrayList<>();
        boolean onlyStacking = true;
        for (Promotion p : promotions) {
            if (!p.isDiscount() || !p.scope().matches(leg) || !p.when().holds(leg.localTime(), day)) {
                continue;
            }
            if (!done.isEmpty() && !(onlyStacking && p.stacks())) {
                continue;
            }
            Adjustment adjustment = switch (p.type()) {
                case PERCENT_DISCOUNT -> discount(p, Money.percentOf(amount, p.percentBasisPoints()));
                case FIXED_DISCOUNT -> discount(p, Math.min(amount, p.amountFen()));
                case FIRST_RIDE_FREE -> firstRide ? discount(p, amount) : null;
                case FIRST_RIDE_CASHBACK -> firstRide && amount > 0
                        ? new Adjustment(Adjustment.Kind.CASHBACK, p.promotionId(), Math.min(amount, p.amountFen()))
                        : null;
                case POINTS_REDEEM -> points >= p.points() ? discount(p, Math.min(amount, p.amountFen())) : null;
                case POINTS_EARN -> null;
            };
            if (adjustment == null) {
                continue;
            }
            if (adjustment.kind() == Adjustment.Kind.PROMOTION) {
                amount -= adjustment.fen();
            }
            if (p.type() == PromotionType.POINTS_REDEEM) {
                points -= p.points();
            }
            done.add(adjustment);
            onlyStacking &= p.stacks();
        }
        return new Result(amount, done, points);
    }

    /** Points a paid ride earns from every matching points_earn promotion (stacking does not limit earning). */
    static long pointsEarned(List<Promotion> promotions, PricedLeg leg, LocalDate day, long paidFen) {
        if (paidFen <= 0) {
            return 0;
        }
        return promotions.stream()
                .filter(p -> p.type() == PromotionType.POINTS_EARN && p.scope().matches(leg)
                        && p.when().holds(leg.localTime(), day))
                .mapToLong(Promotion::points).sum();
    }

    private static Adjustment discount(Promotion p, long fen) {
        return fen > 0 ? new Adjustment(Adjustment.Kind.PROMOTION, p.promotionId(), fen) : null;
    }
}
