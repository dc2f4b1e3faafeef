package org.farebox.fare.engine;

/** What {@link FareEngine#priceNextLeg} answers at a tap: this leg's fare and the state to keep for the next. */
public record NextLegFare(LegFare fare, JourneyState state) {
}
