package org.farebox.fare.engine;

import java.util.List;
import java.util.Optional;
import org.farebox.fare.model.FareTransferRule;

/**
 * The price of one leg. {@code amountFen} is what is charged for it: for a lone leg the cheapest offer;
 * within a journey the increase of the journey's cheapest total (which may be less than the offer when a
 * transfer applies, and may be negative when a type-2 transfer replaces an earlier leg's fare).
 * {@code chosen} is the offer the cheapest branch used, {@code transfer} the transfer rule it applied,
 * {@code offers} every matching offer, cheapest first. {@code known} is false when no leg rule matched.
 */
public record LegFare(Leg leg, long amountFen, Optional<FareOffer> chosen, Optional<FareTransferRule> transfer,
        List<FareOffer> offers, boolean known) {
    public LegFare {
        offers = List.copyOf(offers);
    }

    /** The product that priced the leg ("" when unknown). */
    public String fareProductId() {
        return chosen.map(FareOffer::fareProductId).orElse("");
    }

    /** The leg group of the chosen rule ("" when unknown or the rule has none). */
    public String legGroupId() {
        return chosen.map(FareOffer::legGroupId).orElse("");
    }
}
