package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

    private static final IndicatorState GREEN = new IndicatorState(true, false, false);
    private static final IndicatorState GREEN_BEEP = new IndicatorState(true, false, true);
    private static final IndicatorState RED = new IndicatorState(false, true, false);
    private static final IndicatorState RED_BEEP = new IndicatorState(false, true, true);

    @Test
    void adultFareIsGreenWithOneShortBeep() {
        IndicatorPattern pattern = Indicators.patternFor(Display.paid(200, 4800, "adult"));
        assertEquals(List.of(100L), pattern.beeps());
        assertEquals(GREEN_BEEP, pattern.stateAt(0));
        assertEquals(GREEN, pattern.stateAt(150));
        assertEquals(GREEN, pattern.stateAt(1999));
        assertEquals(IndicatorState.OFF, pattern.stateAt(2000));
        assertEquals("[green] beep", pattern.describe());
    }

    @Test
    void concessionIsGreenWithTwoShortBeeps() {
        for (String category : List.of("student", "senior", "free")) {
            IndicatorPattern pattern = Indicators.patternFor(Display.paid(0, 4800, category));
            assertEquals(List.of(100L, 100L), pattern.beeps(), category);
            assertEquals(GREEN, pattern.stateAt(150), "LED stays green between the beeps");
            assertEquals(GREEN_BEEP, pattern.stateAt(250));
            assertEquals("[green] beep beep", pattern.describe());
        }
    }

    @Test
    void everyRefusalIsRedWithOneLongBeep() {
        for (Display refusal : List.of(Display.lowBalance(1, 200), Display.cardBlocked(), Display.cardExpired(),
                Display.cardNotYetValid(), Display.cardRejected("CARD ERROR"))) {
            IndicatorPattern pattern = Indicators.patternFor(refusal);
            assertEquals(List.of(600L), pattern.beeps(), refusal.kind().name());
            assertEquals(RED_BEEP, pattern.stateAt(0));
            assertEquals(RED, pattern.stateAt(1000));
            assertEquals(IndicatorState.OFF, pattern.hold());
            assertEquals("[red] long beep", pattern.describe());
        }
    }

    @Test
    void tapAgainBlinksBothLedsWithThreeShortBeeps() {
        IndicatorPattern pattern = Indicators.patternFor(Display.tapAgain());
        assertEquals(List.of(100L, 100L, 100L), pattern.beeps());
        assertTrue(pattern.stateAt(0).red() && pattern.stateAt(0).green());
        assertFalse(pattern.stateAt(250).red(), "the LEDs go dark between flashes");
        assertEquals("[red+green blinking] beep beep beep", pattern.describe());
        assertEquals(IndicatorState.OFF, pattern.hold());
    }

    @Test
    void readyIsDarkAndSilent() {
        IndicatorPattern pattern = Indicators.patternFor(Display.ready("Route 101"));
        assertEquals(IndicatorState.OFF, pattern.stateAt(0));
        assertEquals(0, pattern.durationMillis());
        assertEquals("[off]", pattern.describe());
    }

    @Test
    void outOfServiceHoldsTheRedLedWithoutBeeping() {
        IndicatorPattern pattern = Indicators.patternFor(Display.outOfService("NO SAM"));
        assertEquals(RED, pattern.stateAt(60_000));
        assertTrue(pattern.beeps().isEmpty());
    }

    @Test
    void everyAnswerEndsWithinAFewSeconds() {
        for (Display display : ScreenLayoutTest.everyKind()) {
            IndicatorPattern pattern = Indicators.patternFor(display);
            assertTrue(pattern.durationMillis() <= 3000, display.kind().name());
            assertFalse(pattern.hold().buzzer(), "the buzzer never stays on after " + display.kind());
        }
    }
}
