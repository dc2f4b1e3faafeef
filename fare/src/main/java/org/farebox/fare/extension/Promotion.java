package org.farebox.fare.extension;

import java.util.Objects;

/**
 * One row of farebox_promotions.txt. {@code percentBasisPoints} is used by percent discounts (1500 = 15%),
 * {@code amountFen} by fixed discounts, cashback and point redemption, {@code points} by earning and redeeming.
 * Higher {@code priority} is tried first; {@code stacks} says whether it combines with other promotions on one leg.
 */
public record Promotion(String promotionId, PromotionType type, int percentBasisPoints, long amountFen, long points,
        Scope scope, PromotionWhen when, int priority, boolean stacks) {
    public Promotion {
        Objects.requireNonNull(promotionId, "promotionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(when, "when");
        if (percentBasisPoints < 0 || percentBasisPoints > 10_000 || amountFen < 0 || points < 0) {
            throw new IllegalArgumentException("promotion " + promotionId + " has a negative or absurd value");
        }
    }

    /** Whether it lowers the leg's price or pays back (everything but earning points). */
    boolean isDiscount() {
        return type != PromotionType.POINTS_EARN;
    }
}
