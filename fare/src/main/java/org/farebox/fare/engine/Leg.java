package org.farebox.fare.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ride to price: its network (or a route the table maps to a network), boarding stop, alighting stop
 * ("" when unknown, as on a single-tap bus), departure (boarding validation) and arrival (alighting
 * validation, empty when unknown), the rider category ("" = the table's default) and fare medium
 * ("" = unknown).
 */
public record Leg(String networkId, String routeId, String fromStopId, String toStopId, Instant departure,
        Optional<Instant> arrival, String riderCategoryId, String fareMediaId) {
    public Leg {
        Objects.requireNonNull(networkId, "networkId must not be null (use \"\")");
        Objects.requireNonNull(routeId, "routeId must not be null (use \"\")");
        Objects.requireNonNull(fromStopId, "fromStopId must not be null");
        Objects.requireNonNull(toStopId, "toStopId must not be null (use \"\" when unknown)");
        Objects.requireNonNull(departure, "departure must not be null");
        Objects.requireNonNull(arrival, "arrival must not be null (use Optional.empty())");
        Objects.requireNonNull(riderCategoryId, "riderCategoryId must not be null (use \"\")");
        Objects.requireNonNull(fareMediaId, "fareMediaId must not be null (use \"\")");
        if (arrival.isPresent() && arrival.get().isBefore(departure)) {
            throw new IllegalArgumentException("a leg cannot arrive before it departs");
        }
    }

    /** A leg on a network between two known stops. */
    public static Leg onNetwork(String networkId, String fromStopId, String toStopId, Instant departure,
            Instant arrival) {
        return new Leg(networkId, "", fromStopId, toStopId, departure, Optional.of(arrival), "", "");
    }

    /** A single tap: boarding stop and time known, destination unknown. */
    public static Leg tapOn(String networkId, String fromStopId, Instant departure) {
        return new Leg(networkId, "", fromStopId, "", departure, Optional.empty(), "", "");
    }

    public Leg withRoute(String route) {
        return new Leg(networkId, route, fromStopId, toStopId, departure, arrival, riderCategoryId, fareMediaId);
    }

    public Leg withRider(String category) {
        return new Leg(networkId, routeId, fromStopId, toStopId, departure, arrival, category, fareMediaId);
    }

    public Leg withMedium(String medium) {
        return new Leg(networkId, routeId, fromStopId, toStopId, departure, arrival, riderCategoryId, medium);
    }

    public boolean destinationKnown() {
        return !toStopId.isEmpty();
    }
}
