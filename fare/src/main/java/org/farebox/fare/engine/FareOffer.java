package org.farebox.fare.engine;

import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;

/** One way to pay a leg: the leg rule that matched, the product row chosen for the rider and medium, its price. */
public record FareOffer(FareLegRule rule, FareProduct product, long amountFen) {
    public String legGroupId() {
        return rule.legGroupId();
    }

    public String fareProductId() {
        return product.id();
    }
}
