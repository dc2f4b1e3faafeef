package org.farebox.fare.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a journey so far leaves for the next tap: the surviving branches (see {@link JourneyBranch}), what
 * has been charged, and the last effective leg with the branches before it (so a leg joined to it by a
 * join rule re-prices the merged leg instead of adding a new one). {@link #start()} is an empty journey.
 */
public record JourneyState(List<JourneyBranch> branches, long chargedFen, Optional<Leg> lastEffectiveLeg,
        List<JourneyBranch> branchesBefore, long chargedBefore) {
    public JourneyState {
        branches = List.copyOf(branches);
        branchesBefore = List.copyOf(branchesBefore);
        Objects.requireNonNull(lastEffectiveLeg);
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a journey state needs at least one branch");
        }
    }

    public static JourneyState start() {
        return new JourneyState(List.of(JourneyBranch.EMPTY), 0, Optional.empty(), List.of(), 0);
    }

    /** The cheapest branch: what a card with room for one branch stores. */
    public JourneyBranch cheapest() {
        return branches.stream().min(Comparator.comparingLong(JourneyBranch::costFen)).orElseThrow();
    }

    /** The cheapest total of the journey so far. */
    public long bestCostFen() {
        return cheapest().costFen();
    }
}
