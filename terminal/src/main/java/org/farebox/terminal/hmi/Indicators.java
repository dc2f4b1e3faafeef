package org.farebox.terminal.hmi;

import java.util.ArrayList;
import java.util.List;

/**
 * The LED and buzzer pattern of each display. Drivers listen more than they look: one short beep is an adult
 * fare, two short beeps a concession to check, one long beep a refusal, three short beeps "tap again".
 */
public final class Indicators {

    public static final int SHORT_BEEP_MILLIS = 100;
    public static final int BEEP_GAP_MILLIS = 100;
    public static final int LONG_BEEP_MILLIS = 600;
    /** How long the green or red LED stays lit after a tap, beeps included. */
    public static final int ANSWER_MILLIS = 2000;

    private static final IndicatorState GREEN = new IndicatorState(true, false, false);
    private static final IndicatorState GREEN_BEEP = new IndicatorState(true, false, true);
    private static final IndicatorState RED = new IndicatorState(false, true, false);
    private static final IndicatorState RED_BEEP = new IndicatorState(false, true, true);
    // Both LEDs together read as amber on a bicolour LED and as "something else" on two separate ones.
    private static final IndicatorState AMBER = new IndicatorState(true, true, false);
    private static final IndicatorState AMBER_BEEP = new IndicatorState(true, true, true);

    private Indicators() {
    }

    public static IndicatorPattern patternFor(Display display) {
        if (display.kind().isRefusal()) {
            return lit(RED_BEEP, LONG_BEEP_MILLIS, RED);
        }
        return switch (display.kind()) {
            case READY -> new IndicatorPattern(List.of(), IndicatorState.OFF);
            case PAID -> display.isConcession() ? concession() : lit(GREEN_BEEP, SHORT_BEEP_MILLIS, GREEN);
            case TAP_AGAIN -> tapAgain();
            // Not an answer to a tap but a state: steady red, silent, until the terminal recovers.
            case OUT_OF_SERVICE -> new IndicatorPattern(List.of(), RED);
            default -> throw new IllegalStateException("no pattern for " + display.kind());
        };
    }

    private static IndicatorPattern lit(IndicatorState beeping, int beepMillis, IndicatorState lit) {
        return new IndicatorPattern(List.of(new IndicatorStep(beeping, beepMillis),
                new IndicatorStep(lit, ANSWER_MILLIS - beepMillis)), IndicatorState.OFF);
    }

    private static IndicatorPattern concession() {
        int beeps = 2 * SHORT_BEEP_MILLIS + BEEP_GAP_MILLIS;
        return new IndicatorPattern(List.of(
                new IndicatorStep(GREEN_BEEP, SHORT_BEEP_MILLIS),
                new IndicatorStep(GREEN, BEEP_GAP_MILLIS),
                new IndicatorStep(GREEN_BEEP, SHORT_BEEP_MILLIS),
                new IndicatorStep(GREEN, ANSWER_MILLIS - beeps)), IndicatorState.OFF);
    }

    private static IndicatorPattern tapAgain() {
        List<IndicatorStep> steps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            steps.add(new IndicatorStep(AMBER_BEEP, SHORT_BEEP_MILLIS));
            steps.add(new IndicatorStep(AMBER, BEEP_GAP_MILLIS));
            steps.add(new IndicatorStep(IndicatorState.OFF, 2 * BEEP_GAP_MILLIS));
        }
        steps.add(new IndicatorStep(AMBER, 2 * BEEP_GAP_MILLIS));
        steps.add(new IndicatorStep(IndicatorState.OFF, 2 * BEEP_GAP_MILLIS));
        steps.add(new IndicatorStep(AMBER, 2 * BEEP_GAP_MILLIS));
        return new IndicatorPattern(steps, IndicatorState.OFF);
    }
}
