package org.farebox.fare.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;

/**
 * Prices legs and journeys by GTFS-Fares v2 (PROTOCOLS.md §3.2). Stateless and thread-safe; all state is
 * in the arguments. A journey is priced leg by leg exactly as terminals price taps: each leg extends every
 * surviving branch by each of its offers, paid afresh or through each transfer rule that applies, and
 * charges the rise of the cheapest total. Paying afresh is always a branch, so a transfer never costs the
 * rider more than not transferring.
 */
public final class FareEngine {
    /** Branches kept per leg; the cheapest are kept, so the total is exact unless a dearer branch pays off later. */
    public static final int MAX_BRANCHES = 32;

    /** The fare of one leg on its own: the cheapest offer, with every offer listed. */
    public LegFare priceLeg(FareTable table, Leg leg) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(leg, "leg");
        List<FareOffer> offers = LegMatcher.offers(table, leg);
        if (offers.isEmpty()) {
            return new LegFare(leg, 0, Optional.empty(), Optional.empty(), offers, false);
        }
        return new LegFare(leg, offers.get(0).amountFen(), Optional.of(offers.get(0)), Optional.empty(), offers, true);
    }

    /**
     * The fare of the next leg of a journey given the state its previous legs left (read from a card or a
     * ledger), and the new state. A leg that a join rule merges into the previous one re-prices the merged leg.
     */
    public NextLegFare priceNextLeg(FareTable table, JourneyState state, Leg leg) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(leg, "leg");
        Optional<Leg> joined = state.lastEffectiveLeg().flatMap(last -> LegJoiner.join(table, last, leg));
        List<JourneyBranch> base = joined.isPresent() ? state.branchesBefore() : state.branches();
        Leg effective = joined.orElse(leg);
        List<FareOffer> offers = LegMatcher.offers(table, effective);
        List<JourneyBranch> next = step(table, base, effective, offers);
        JourneyBranch best = next.get(0);
        long charge = best.costFen() - state.chargedFen();
        JourneyState newState = joined.isPresent()
                ? new JourneyState(next, best.costFen(), joined, state.branchesBefore(), state.chargedBefore())
                : new JourneyState(next, best.costFen(), Optional.of(leg), state.branches(), state.chargedFen());
        if (offers.isEmpty()) {
            return new NextLegFare(new LegFare(leg, charge, Optional.empty(), Optional.empty(), offers, false),
                    newState);
        }
        JourneyBranch.Step last = best.path().get(best.path().size() - 1);
        LegFare fare = new LegFare(leg, charge, Optional.of(last.offer()), last.transfer(), offers, true);
        return new NextLegFare(fare, newState);
    }

    /**
     * The fare of a whole journey: the cheapest combination of offers and transfers. Leg amounts are what
     * a terminal charges tap by tap; each leg's chosen offer and transfer are those of the cheapest branch.
     */
    public JourneyFare priceJourney(FareTable table, List<Leg> legs) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(legs, "legs");
        JourneyState state = JourneyState.start();
        List<LegFare> fares = new ArrayList<>();
        List<Integer> effectiveIndex = new ArrayList<>();
        int effective = -1;
        boolean complete = true;
        for (Leg leg : legs) {
            Objects.requireNonNull(leg, "leg");
            boolean joins = state.lastEffectiveLeg().flatMap(last -> LegJoiner.join(table, last, leg)).isPresent();
            effective += joins ? 0 : 1;
            NextLegFare next = priceNextLeg(table, state, leg);
            fares.add(next.fare());
            effectiveIndex.add(effective);
            complete &= next.fare().known();
            state = next.state();
        }
        List<JourneyBranch.Step> path = state.cheapest().path();
        List<LegFare> attributed = new ArrayList<>(fares.size());
        for (int i = 0; i < fares.size(); i++) {
            LegFare f = fares.get(i);
            int e = effectiveIndex.get(i);
            if (f.known() && complete && e < path.size()) {
                JourneyBranch.Step step = path.get(e);
                f = new LegFare(f.leg(), f.amountFen(), Optional.of(step.offer()), step.transfer(), f.offers(), true);
            }
            attributed.add(f);
        }
        return new JourneyFare(attributed, state.chargedFen(), complete);
    }

    static List<JourneyBranch> step(FareTable table, List<JourneyBranch> branches, Leg leg, List<FareOffer> offers) {
        Map<String, JourneyBranch> kept = new LinkedHashMap<>();
        if (offers.isEmpty()) {
            for (JourneyBranch b : branches) {
                keep(kept, b.afterUnknownLeg(leg));
            }
            return prune(kept);
        }
        for (JourneyBranch b : branches) {
            for (FareOffer offer : offers) {
                keep(kept, b.then(leg, offer, Optional.empty(), "", 0, leg.departure(), leg.arrival(),
                        offer.amountFen()));
                for (TransferMatcher.Applicable a : TransferMatcher.applicable(table, b, leg, offer.legGroupId())) {
                    Optional<Long> transferFen = transferAmount(table, a.rule(), leg);
                    if (transferFen.isEmpty()) {
                        continue;
                    }
                    long increment = increment(a.rule(), transferFen.get(), offer, b);
                    keep(kept, b.then(leg, offer, Optional.of(a.rule()), a.chainKey(), a.count(), a.clockDeparture(),
                            a.clockArrival(), increment));
                }
            }
        }
        return prune(kept);
    }

    /** What the transfer adds to the running total (§3.1: type 0 S+AB, type 1 S+AB+B, type 2 AB replacing A). */
    static long increment(FareTransferRule rule, long transferFen, FareOffer offer, JourneyBranch from) {
        return switch (rule.transferType()) {
            case FROM_LEG_PLUS_TRANSFER -> transferFen;
            case FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG -> transferFen + offer.amountFen();
            case TRANSFER_ONLY -> from.lastLegFresh() ? transferFen - from.lastLegFreshFen() : transferFen;
        };
    }

    static Optional<Long> transferAmount(FareTable table, FareTransferRule rule, Leg leg) {
        if (rule.isFree()) {
            return Optional.of(0L);
        }
        return ProductChooser.choose(table, rule.fareProductId(), leg.riderCategoryId(), leg.fareMediaId())
                .map(p -> p.amountFen());
    }

    private static void keep(Map<String, JourneyBranch> kept, JourneyBranch b) {
        kept.merge(b.stateKey(), b, (old, neu) -> neu.costFen() < old.costFen() ? neu : old);
    }

    private static List<JourneyBranch> prune(Map<String, JourneyBranch> kept) {
        List<JourneyBranch> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparingLong(JourneyBranch::costFen)); // stable: ties keep creation order
        return out.size() > MAX_BRANCHES ? List.copyOf(out.subList(0, MAX_BRANCHES)) : out;
    }
}
