package org.farebox.terminal.hmi;

/** The LEDs and the buzzer of one device; a failure is an unchecked exception. */
@FunctionalInterface
interface IndicatorOutputs {
    void set(IndicatorState state);
}
