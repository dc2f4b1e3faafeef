package org.farebox.terminal.hmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the LEDs and the buzzer do for one display, as data shared by every device: the steps in order, then
 * a state held until the next display.
 */
public record IndicatorPattern(List<IndicatorStep> steps, IndicatorState hold) {

    /** Buzzer runs longer than this are described as a long beep. */
    static final int LONG_BEEP_MILLIS = 300;

    public IndicatorPattern {
        steps = List.copyOf(steps);
        Objects.requireNonNull(hold, "hold");
    }

    /** How long the steps take; after that the hold state stays. */
    public long durationMillis() {
        return steps.stream().mapToLong(IndicatorStep::millis).sum();
    }

    /** The state at a time after the pattern started (negative times count as the start). */
    public IndicatorState stateAt(long elapsedMillis) {
        long end = 0;
        for (IndicatorStep step : steps) {
            end += step.millis();
            if (elapsedMillis < end) {
                return step.state();
            }
        }
        return hold;
    }

    /** The lengths in milliseconds of each time the buzzer sounds, in order. */
    public List<Long> beeps() {
        List<Long> beeps = new ArrayList<>();
        long run = 0;
        for (IndicatorStep step : steps) {
            if (step.state().buzzer()) {
                run += step.millis();
            } else if (run > 0) {
                beeps.add(run);
                run = 0;
            }
        }
        if (run > 0) {
            beeps.add(run);
        }
        return List.copyOf(beeps);
    }

    /** A short human summary, derived from the data: "[green] beep beep", "[red] long beep", "[off]". */
    public String describe() {
        boolean green = hold.green() || steps.stream().anyMatch(s -> s.state().green());
        boolean red = hold.red() || steps.stream().anyMatch(s -> s.state().red());
        String leds = green && red ? "red+green" : green ? "green" : red ? "red" : "off";
        StringBuilder text = new StringBuilder("[").append(leds);
        if (blinks()) {
            text.append(" blinking");
        }
        text.append(']');
        for (long beep : beeps()) {
            text.append(beep > LONG_BEEP_MILLIS ? " long beep" : " beep");
        }
        if (hold.buzzer()) {
            text.append(" buzzing");
        }
        return text.toString();
    }

    private boolean blinks() {
        int litRuns = 0;
        boolean wasLit = false;
        for (IndicatorStep step : steps) {
            boolean lit = step.state().green() || step.state().red();
            if (lit && !wasLit) {
                litRuns++;
            }
            wasLit = lit;
        }
        return litRuns > 1;
    }
}
