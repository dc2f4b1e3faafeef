package org.farebox.fare.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.farebox.fare.model.FareTransferRule;

/**
 * One way of pricing a journey so far: the last effective leg's group and times, the transfer chain it
 * is in (the transfer rules' from/to pair, how many transfers it spans, the leg its duration clock started
 * at), whether the last leg was paid afresh and for how much (a type-2 transfer replaces that fare), the
 * running cost, and the path (offer and transfer per effective leg) for receipts. A card that stores only
 * the cheapest branch can rebuild it with {@link #resume} and an empty path.
 */
public record JourneyBranch(boolean hasPreviousLeg, String legGroupId, Instant lastDeparture,
        Optional<Instant> lastArrival, String chainKey, int transferCount, Instant clockDeparture,
        Optional<Instant> clockArrival, boolean lastLegFresh, long lastLegFreshFen, long costFen,
        List<Step> path) {

    /** How one effective leg was paid on this branch. */
    public record Step(FareOffer offer, Optional<FareTransferRule> transfer, long incrementFen) {
    }

    public JourneyBranch {
        Objects.requireNonNull(legGroupId);
        Objects.requireNonNull(lastDeparture);
        Objects.requireNonNull(lastArrival);
        Objects.requireNonNull(chainKey);
        Objects.requireNonNull(clockDeparture);
        Objects.requireNonNull(clockArrival);
        path = List.copyOf(path);
        if (transferCount < 0) {
            throw new IllegalArgumentException("transfer count must not be negative");
        }
    }

    static final JourneyBranch EMPTY = new JourneyBranch(false, "", Instant.EPOCH, Optional.empty(), "", 0,
            Instant.EPOCH, Optional.empty(), false, 0, 0, List.of());

    /** A branch rebuilt from stored journey state (no path). */
    public static JourneyBranch resume(String legGroupId, Instant lastDeparture, Optional<Instant> lastArrival,
            String chainKey, int transferCount, Instant clockDeparture, Optional<Instant> clockArrival,
            boolean lastLegFresh, long lastLegFreshFen, long costFen) {
        return new JourneyBranch(true, legGroupId, lastDeparture, lastArrival, chainKey, transferCount,
                clockDeparture, clockArrival, lastLegFresh, lastLegFreshFen, costFen, List.of());
    }

    /** Everything that influences future prices; branches with equal keys keep only the cheapest. */
    String stateKey() {
        return hasPreviousLeg + "|" + legGroupId + "|" + lastDeparture + "|" + lastArrival + "|" + chainKey + "|"
                + transferCount + "|" + clockDeparture + "|" + clockArrival + "|" + lastLegFresh + "|"
                + lastLegFreshFen;
    }

    JourneyBranch then(Leg leg, FareOffer offer, Optional<FareTransferRule> transfer, String newChainKey,
            int newCount, Instant newClockDeparture, Optional<Instant> newClockArrival, long incrementFen) {
        List<Step> steps = new ArrayList<>(path.size() + 1);
        steps.addAll(path);
        steps.add(new Step(offer, transfer, incrementFen));
        boolean fresh = transfer.isEmpty();
        return new JourneyBranch(true, offer.legGroupId(), leg.departure(), leg.arrival(), newChainKey, newCount,
                newClockDeparture, newClockArrival, fresh, fresh ? offer.amountFen() : 0, costFen + incrementFen,
                steps);
    }

    /** The branch after a leg nobody could price: its cost is unknown, so no transfer may start from it. */
    JourneyBranch afterUnknownLeg(Leg leg) {
        return new JourneyBranch(false, "", leg.departure(), leg.arrival(), "", 0, leg.departure(), leg.arrival(),
                false, 0, costFen, path);
    }
}
