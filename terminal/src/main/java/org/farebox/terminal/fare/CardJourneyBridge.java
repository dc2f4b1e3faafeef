package org.farebox.terminal.fare;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.farebox.fare.card.CardJourneyState;
import org.farebox.fare.engine.JourneyBranch;
import org.farebox.fare.engine.JourneyState;
import org.farebox.fare.engine.NextLegFare;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;

/**
 * Between the card's last-leg bytes and the engine's journey state. The card keeps one branch in a few bytes
 * (group code, start, transfer count, chain cost); the parts it lacks are rebuilt the strict way: the chain's
 * clock starts at the last leg, and a chain with transfers continues the only transfer-rule pair that leads into the
 * last leg's group. When several pairs could have led there the card cannot tell which chain it is in, so the next
 * leg gets no transfer credit (the rider may miss a discount, never gets one the rules would refuse).
 */
final class CardJourneyBridge {
    private final FareTable table;
    private final LegGroupCodes codes;

    CardJourneyBridge(FareTable table) {
        this.table = table;
        this.codes = new LegGroupCodes(table);
    }

    /** The journey so far as the card tells it; a fresh journey when the card has no last leg we can use. */
    JourneyState resume(CardJourneyState card, ZoneId zone) {
        if (card.lastLeg() == null) {
            return JourneyState.start();
        }
        CardJourneyState.LastLeg last = card.lastLeg();
        Optional<String> group = codes.groupOf(last.legGroupCode());
        if (group.isEmpty()) {
            return JourneyState.start();
        }
        var start = last.start().atZone(zone).toInstant();
        boolean fresh = last.transferCount() == 0;
        String chain = fresh ? "" : chainInto(group.get());
        if (!fresh && chain.isEmpty()) {
            return JourneyState.start();
        }
        JourneyBranch branch = JourneyBranch.resume(group.get(), start, Optional.empty(), chain,
                last.transferCount(), start, Optional.empty(), fresh,
                fresh ? last.chainCostFen() : 0, last.chainCostFen());
        return new JourneyState(List.of(branch), branch.costFen(), Optional.empty(), List.of(), 0);
    }

    /** The card's new last leg after {@code next}; the chain cost restarts at a leg paid afresh. */
    CardJourneyState.LastLeg lastLeg(NextLegFare next, LocalDateTime start) {
        JourneyBranch best = next.state().cheapest();
        long chainCost = best.lastLegFresh() ? best.lastLegFreshFen() : best.costFen();
        int transfers = best.lastLegFresh() ? 0 : Math.min(255, best.transferCount());
        return new CardJourneyState.LastLeg(codes.codeOf(next.fare().legGroupId()), start, transfers,
                Math.max(0, Math.min(CardJourneyState.MAX_U24, chainCost)));
    }

    private String chainInto(String group) {
        Set<String> keys = new LinkedHashSet<>();
        for (FareTransferRule r : table.transferRules()) {
            if (r.toLegGroupId().equals(group) || r.toLegGroupId().isEmpty()) {
                keys.add(r.fromLegGroupId() + '\u0000' + r.toLegGroupId());
            }
        }
        return keys.size() == 1 ? keys.iterator().next() : "";
    }
}
