package org.farebox.fare.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceMatrix;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTableIndex;

/**
 * Matches one (effective) leg against fare_leg_rules (PROTOCOLS.md §3.2): network, from/to area and
 * from/to timeframe, with exclusion semantics for empty fields when the table has no rule_priority
 * column and wildcard-plus-highest-priority semantics when it has; then prices each surviving rule with
 * the product row for the rider and medium (or a distance band).
 */
final class LegMatcher {
    private LegMatcher() {
    }

    /** The network a leg is on: its own, else its route's, else "". */
    static String networkOf(FareTable table, Leg leg) {
        if (!leg.networkId().isEmpty()) {
            return leg.networkId();
        }
        return leg.routeId().isEmpty() ? "" : table.networkOfRoute(leg.routeId()).orElse("");
    }

    /** Every offer for the leg, cheapest first (ties keep rule order). Empty: the fare is unknown. */
    static List<FareOffer> offers(FareTable table, Leg leg) {
        FareTableIndex index = table.index();
        String network = networkOf(table, leg);
        Set<String> fromAreas = index.areasOf(leg.fromStopId());
        Set<String> toAreas = leg.destinationKnown() ? index.areasOf(leg.toStopId()) : null;
        boolean priority = table.rulePriorityColumnPresent();
        List<FareLegRule> matched = new ArrayList<>();
        int best = -1;
        for (String net : network.isEmpty() ? List.of("") : List.of(network, "")) {
            if (!priority && net.isEmpty() && index.networkListed(network)) {
                continue; // exclusion: an empty network covers only networks no rule names
            }
            for (String area : candidateAreas(fromAreas)) {
                for (FareLegRule rule : index.legRules(net, area)) {
                    if (!matches(table, rule, leg, fromAreas, toAreas, priority)) {
                        continue;
                    }
                    if (priority && rule.rulePriority() > best) {
                        matched.clear();
                        best = rule.rulePriority();
                    }
                    if (!priority || rule.rulePriority() == best) {
                        matched.add(rule);
                    }
                }
            }
        }
        List<FareOffer> offers = new ArrayList<>();
        for (FareLegRule rule : matched) {
            price(table, rule, leg, network).ifPresent(offers::add);
        }
        offers.sort(Comparator.comparingLong(FareOffer::amountFen));
        return offers;
    }

    private static List<String> candidateAreas(Set<String> fromAreas) {
        List<String> out = new ArrayList<>(fromAreas.size() + 1);
        out.addAll(fromAreas);
        out.add("");
        return out;
    }

    private static boolean matches(FareTable table, FareLegRule rule, Leg leg, Set<String> fromAreas,
            Set<String> toAreas, boolean priority) {
        FareTableIndex index = table.index();
        if (rule.fromAreaId().isEmpty() && !priority && anyListed(fromAreas, index::fromAreaListed)) {
            return false;
        }
        if (!areaMatches(rule.toAreaId(), toAreas, priority, index::toAreaListed)) {
            return false;
        }
        if (!timeMatches(table, rule.fromTimeframeGroupId(), Optional.of(leg.departure()), priority, true)) {
            return false;
        }
        return timeMatches(table, rule.toTimeframeGroupId(), leg.arrival(), priority, false);
    }

    private static boolean areaMatches(String ruleArea, Set<String> legAreas, boolean priority,
            java.util.function.Predicate<String> listed) {
        if (ruleArea.isEmpty()) {
            // Unknown destination: only rules that do not constrain it can apply.
            return priority || legAreas == null || !anyListed(legAreas, listed);
        }
        return legAreas != null && legAreas.contains(ruleArea);
    }

    private static boolean timeMatches(FareTable table, String group, Optional<Instant> when, boolean priority,
            boolean fromColumn) {
        if (!group.isEmpty()) {
            return when.isPresent() && TimeframeMatcher.matches(table, group, when.get());
        }
        if (priority || when.isEmpty()) {
            return true;
        }
        // Exclusion: an empty timeframe covers only times that no group named in this column contains.
        FareTableIndex index = table.index();
        for (String g : index.timeframeGroupsInRules()) {
            boolean listed = fromColumn ? index.fromTimeframeListed(g) : index.toTimeframeListed(g);
            if (listed && TimeframeMatcher.matches(table, g, when.get())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyListed(Set<String> values, java.util.function.Predicate<String> listed) {
        for (String v : values) {
            if (listed.test(v)) {
                return true;
            }
        }
        return false;
    }

    /** The rule's product for this rider and medium, priced (by distance when it is a distance product). */
    static Optional<FareOffer> price(FareTable table, FareLegRule rule, Leg leg, String network) {
        Optional<FareProduct> row = ProductChooser.choose(table, rule.fareProductId(), leg.riderCategoryId(),
                leg.fareMediaId());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!table.distanceFares().isDistanceProduct(rule.fareProductId())) {
            return Optional.of(new FareOffer(rule, row.get(), row.get().amountFen()));
        }
        String category = ProductChooser.category(table, leg.riderCategoryId());
        Optional<DistanceFare> fare = table.distanceFares().fare(rule.fareProductId(), category);
        if (fare.isEmpty()) {
            return Optional.empty();
        }
        if (!leg.destinationKnown()) {
            return Optional.of(new FareOffer(rule, row.get(), fare.get().maximumFen()));
        }
        Optional<DistanceMatrix> matrix = table.distanceFares().matrix(fare.get().networkId());
        if (matrix.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt metres = metres(table, matrix.get(), leg.fromStopId(), leg.toStopId());
        if (metres.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong amount = fare.get().amountFor(metres.getAsInt());
        return amount.isPresent() ? Optional.of(new FareOffer(rule, row.get(), amount.getAsLong())) : Optional.empty();
    }

    private static OptionalInt metres(FareTable table, DistanceMatrix matrix, String from, String to) {
        String a = matrix.contains(from) ? from : table.index().stationOf(from);
        String b = matrix.contains(to) ? to : table.index().stationOf(to);
        return matrix.metresBetween(a, b);
    }
}
