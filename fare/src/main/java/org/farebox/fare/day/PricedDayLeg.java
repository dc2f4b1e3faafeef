package org.farebox.fare.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.engine.LegFare;
import org.farebox.fare.extension.Adjustment;
import org.farebox.fare.model.FareTransferRule;

/**
 * One leg of a priced day. {@code engineFen} is what the GTFS engine charged at this tap (may be negative when a
 * type-2 transfer replaces a dearer earlier fare), {@code baseFen} that amount floored at zero (what the extension
 * rules start from: a terminal does not refund), {@code fareFen} after promotions and caps (what counts toward
 * caps), {@code amountFen} what the rider pays from purse or account (after vouchers). {@code known} is false when
 * no fare rule matched: such a leg costs 0 and leaves the rider's state untouched.
 */
public record PricedDayLeg(int index, Leg leg, LocalDate transportDay, LegFare fare, long engineFen, long baseFen,
        long fareFen, long amountFen, List<Adjustment> adjustments, long pointsEarned, boolean known) {
    public PricedDayLeg {
        adjustments = List.copyOf(adjustments);
    }

    /** The leg group of the rule that priced the leg ("" when unknown or the rule has none). */
    public String rule() {
        return fare.legGroupId();
    }

    /** The fare product that priced the leg ("" when unknown). */
    public String product() {
        return fare.fareProductId();
    }

    /** The transfer rule applied at this leg, if any. */
    public Optional<FareTransferRule> transfer() {
        return fare.transfer();
    }

    /** A short name for the transfer ("bus>metro via bus_metro_transfer"), empty when none applied. */
    public Optional<String> transferName() {
        return fare.transfer().map(t -> (t.fromLegGroupId().isEmpty() ? "*" : t.fromLegGroupId()) + ">"
                + (t.toLegGroupId().isEmpty() ? "*" : t.toLegGroupId())
                + (t.fareProductId().isEmpty() ? " (free)" : " via " + t.fareProductId()));
    }
}
