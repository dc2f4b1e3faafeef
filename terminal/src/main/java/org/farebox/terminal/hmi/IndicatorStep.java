package org.farebox.terminal.hmi;

import java.util.Objects;

/** One stretch of an indicator pattern: a state held for a number of milliseconds. */
public record IndicatorStep(IndicatorState state, int millis) {

    public IndicatorStep {
        Objects.requireNonNull(state, "state");
        if (millis <= 0) {
            throw new IllegalArgumentException("a step lasts at least 1 ms, got " + millis);
        }
    }
}
