package org.farebox.terminal.hmi;

/** Which of the green LED, the red LED and the buzzer are on at one moment. */
public record IndicatorState(boolean green, boolean red, boolean buzzer) {

    public static final IndicatorState OFF = new IndicatorState(false, false, false);
}
