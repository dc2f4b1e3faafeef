package org.farebox.fare.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTableIndex;
import org.farebox.fare.model.FareTransferRule;

/**
 * Finds the transfer rules that apply between a branch's last leg and the next leg (PROTOCOLS.md §3.2):
 * group match with "empty = every group not listed in that column", then per rule pair the rows with the
 * smallest transfer_count at least the chain's new count, then the duration limit measured from the leg
 * where the chain of this rule pair started.
 */
final class TransferMatcher {
    private TransferMatcher() {
    }

    /** A transfer rule that applies, with the chain it continues or starts. */
    record Applicable(FareTransferRule rule, String chainKey, int count, Instant clockDeparture,
            Optional<Instant> clockArrival) {
    }

    static String chainKey(FareTransferRule r) {
        return r.fromLegGroupId() + '\u0000' + r.toLegGroupId();
    }

    static List<Applicable> applicable(FareTable table, JourneyBranch from, Leg next, String nextGroup) {
        if (!from.hasPreviousLeg() || from.legGroupId().isEmpty() || nextGroup.isEmpty()) {
            return List.of();
        }
        FareTableIndex index = table.index();
        String fromKey = index.transferFromGroupListed(from.legGroupId()) ? from.legGroupId() : "";
        boolean toListed = index.transferToGroupListed(nextGroup);
        Map<String, List<FareTransferRule>> byPair = new LinkedHashMap<>();
        for (FareTransferRule r : index.transferRulesFrom(fromKey)) {
            boolean toMatches = r.toLegGroupId().isEmpty() ? !toListed : r.toLegGroupId().equals(nextGroup);
            if (toMatches) {
                byPair.computeIfAbsent(chainKey(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Applicable> out = new ArrayList<>();
        for (Map.Entry<String, List<FareTransferRule>> pair : byPair.entrySet()) {
            boolean continues = pair.getKey().equals(from.chainKey());
            int count = continues ? from.transferCount() + 1 : 1;
            Instant clockDep = continues ? from.clockDeparture() : from.lastDeparture();
            Optional<Instant> clockArr = continues ? from.clockArrival() : from.lastArrival();
            for (FareTransferRule r : smallestSufficientCount(pair.getValue(), count)) {
                if (withinLimit(r, clockDep, clockArr, next)) {
                    out.add(new Applicable(r, pair.getKey(), count, clockDep, clockArr));
                }
            }
        }
        return out;
    }

    private static List<FareTransferRule> smallestSufficientCount(List<FareTransferRule> rows, int count) {
        long smallest = Long.MAX_VALUE;
        for (FareTransferRule r : rows) {
            if (r.maxTransfers() >= count) {
                smallest = Math.min(smallest, r.maxTransfers());
            }
        }
        List<FareTransferRule> out = new ArrayList<>();
        for (FareTransferRule r : rows) {
            if (r.maxTransfers() >= count && r.maxTransfers() == smallest) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The duration check. An unknown arrival at the clock's start is replaced by its departure (an earlier
     * instant, so the check can only get stricter); an unknown arrival of the next leg fails types 0 and 3.
     */
    static boolean withinLimit(FareTransferRule r, Instant clockDep, Optional<Instant> clockArr, Leg next) {
        if (r.durationLimit().isEmpty()) {
            return true;
        }
        DurationLimit limit = r.durationLimit().get();
        Instant start = limit.type().startsAtDeparture() ? clockDep : clockArr.orElse(clockDep);
        Optional<Instant> end = limit.type().endsAtArrival() ? next.arrival() : Optional.of(next.departure());
        if (end.isEmpty()) {
            return false;
        }
        long elapsed = Duration.between(start, end.get()).getSeconds();
        return elapsed >= 0 && elapsed <= limit.seconds();
    }
}
