package org.farebox.fare.extension;

import java.util.Objects;

/** One row of farebox_caps.txt: the most a rider in {@code scope} pays in one {@code period}. */
public record Cap(String capId, CapPeriod period, long amountFen, Scope scope) {
    public Cap {
        Objects.requireNonNull(capId, "capId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scope, "scope");
        if (amountFen < 0) {
            throw new IllegalArgumentException("cap " + capId + " amount is negative");
        }
        if (scope.routeId() != null) {
            throw new IllegalArgumentException("cap " + capId + " cannot be scoped by route");
        }
    }
}
