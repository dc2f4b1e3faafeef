package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jHmiTest {

    static {
        QuietPi4jLogs.install();
    }

    private final MockPi4j mock = new MockPi4j();
    private final ManualScheduler scheduler = new ManualScheduler();
    /** One simulated HD44780 per LCD, fed everything written to it so far. */
    private final Map<String, Hd44780Simulator> screens = new HashMap<>();

    @AfterEach
    void shutDown() {
        mock.context.shutdown();
    }

    private Pi4jHmi hmi(Pi4jHmiConfig config) {
        return new Pi4jHmi(mock.context, config, scheduler, micros -> { }, false);
    }

    private DigitalOutput output(String id) {
        return mock.context.io(id, DigitalOutput.class);
    }

    private void assertIndicators(boolean green, boolean red, boolean buzzer, String when) {
        assertEquals(green, output(Pi4jHmi.GREEN_LED_ID).isHigh(), "green LED " + when);
        assertEquals(red, output(Pi4jHmi.RED_LED_ID).isHigh(), "red LED " + when);
        assertEquals(buzzer, output(Pi4jHmi.BUZZER_ID).isHigh(), "buzzer " + when);
    }

    private Hd44780Simulator screen(String id, LcdGeometry geometry) {
        Hd44780Simulator simulator = screens.computeIfAbsent(id, k -> new Hd44780Simulator(geometry));
        simulator.feed(mock.drain(id));
        return simulator;
    }

    @Test
    void usesTheMockPlatformDevicesOnTheConfiguredPins() {
        hmi(Pi4jHmiConfig.defaults().withPins(5, 6, 13));
        assertInstanceOf(MockDigitalOutput.class, output(Pi4jHmi.GREEN_LED_ID));
        assertEquals(5, output(Pi4jHmi.GREEN_LED_ID).address().intValue());
        assertEquals(6, output(Pi4jHmi.RED_LED_ID).address().intValue());
        assertEquals(13, output(Pi4jHmi.BUZZER_ID).address().intValue());
        I2C lcd = mock.context.io(Pi4jHmi.PASSENGER_LCD_ID, I2C.class);
        assertInstanceOf(MockI2C.class, lcd);
        assertEquals(1, lcd.bus());
        assertEquals(0x27, lcd.device());
        assertFalse(mock.context.hasIO(Pi4jHmi.DRIVER_LCD_ID), "no driver LCD unless configured");
    }

    @Test
    void adultFareLightsGreenAndBeepsOnce() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults());
        assertIndicators(false, false, false, "before any tap");
        hmi.show(Display.paid(200, 4800, "adult"));
        assertIndicators(true, false, true, "as show returns");
        scheduler.advance(Indicators.SHORT_BEEP_MILLIS);
        assertIndicators(true, false, false, "after the beep");
        scheduler.advance(Indicators.ANSWER_MILLIS);
        assertIndicators(false, false, false, "after the answer");
    }

    @Test
    void concessionBeepsTwiceWithTheGreenLedOn() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults());
        hmi.show(Display.paid(100, 4800, "student"));
        int buzzerRises = 0;
        boolean wasOn = false;
        for (int t = 0; t < Indicators.ANSWER_MILLIS; t += 10) {
            assertTrue(output(Pi4jHmi.GREEN_LED_ID).isHigh(), "green at " + t + " ms");
            assertTrue(output(Pi4jHmi.RED_LED_ID).isLow(), "red at " + t + " ms");
            boolean on = output(Pi4jHmi.BUZZER_ID).isHigh();
            if (on && !wasOn) {
                buzzerRises++;
            }
            wasOn = on;
            scheduler.advance(10);
        }
        assertEquals(2, buzzerRises);
        assertIndicators(false, false, false, "after the answer");
    }

    @Test
    void refusalLightsRedWithALongBeep() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults());
        hmi.show(Display.cardBlocked());
        assertIndicators(false, true, true, "as show returns");
        scheduler.advance(Indicators.LONG_BEEP_MILLIS - 1);
        assertIndicators(false, true, true, "during the long beep");
        scheduler.advance(1);
        assertIndicators(false, true, false, "after the long beep");
    }

    @Test
    void nextTapCutsThePreviousPatternShort() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults());
        hmi.show(Display.cardExpired());
        scheduler.advance(100);
        hmi.show(Display.paid(200, 4800, "adult"));
        assertIndicators(true, false, true, "the new answer at once");
        scheduler.advance(Indicators.SHORT_BEEP_MILLIS);
        assertIndicators(true, false, false, "the old long beep does not come back");
    }

    @Test
    void lcdShowsTheRenderedLinesIncludingTheYenSign() {
        for (LcdGeometry geometry : List.of(LcdGeometry.LCD_16X2, LcdGeometry.LCD_20X4)) {
            MockPi4j fresh = new MockPi4j();
            try {
                Pi4jHmi hmi = new Pi4jHmi(fresh.context, Pi4jHmiConfig.defaults().withLcd(0x3F, geometry), scheduler,
                        micros -> { }, false);
                Hd44780Simulator simulator = new Hd44780Simulator(geometry);
                ScreenLayout layout = new ScreenLayout(geometry);
                for (Display display : ScreenLayoutTest.everyKind()) {
                    hmi.show(display);
                    simulator.feed(fresh.drain(Pi4jHmi.PASSENGER_LCD_ID));
                    assertEquals(layout.passengerLines(display), simulator.rows(), geometry + " " + display.kind());
                    assertTrue(simulator.isFourBitMode() && simulator.isDisplayOn() && simulator.isBacklightOn());
                }
                hmi.show(Display.paid(200, 4800, "student"));
                simulator.feed(fresh.drain(Pi4jHmi.PASSENGER_LCD_ID));
                assertEquals(0x5C, simulator.ddramAt(geometry.columns() - 5), "¥ is written as 0x5C");
                assertTrue(simulator.row(0).endsWith("¥2.00"));
                assertEquals(0x3F, fresh.context.io(Pi4jHmi.PASSENGER_LCD_ID, I2C.class).device());
            } finally {
                fresh.context.shutdown();
            }
        }
    }

    @Test
    void driverLcdShowsTheCategoryForTheDriver() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults().withDriverLcd(0x26, LcdGeometry.LCD_16X2));
        hmi.show(Display.paid(100, 4800, "senior"));
        assertEquals(List.of("SENIOR     ¥1.00", " ".repeat(16)),
                screen(Pi4jHmi.DRIVER_LCD_ID, LcdGeometry.LCD_16X2).rows());
        assertEquals(List.of("OK SENIOR  ¥1.00", "Balance   ¥48.00"),
                screen(Pi4jHmi.PASSENGER_LCD_ID, LcdGeometry.LCD_16X2).rows());
        assertEquals(0x26, mock.context.io(Pi4jHmi.DRIVER_LCD_ID, I2C.class).device());
    }

    @Test
    void failingI2cDoesNotStopTheTapAndTheLcdRecoversAtTheNextDisplay() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults());
        hmi.show(Display.ready("Route 101"));
        mock.i2cFails.set(true);
        assertDoesNotThrow(() -> hmi.show(Display.paid(200, 4800, "adult")));
        assertIndicators(true, false, true, "LEDs and buzzer work without the LCD");
        mock.i2cFails.set(false);
        hmi.show(Display.paid(300, 4500, "adult"));
        assertEquals(List.of("OK         ¥3.00", "Balance   ¥45.00"),
                screen(Pi4jHmi.PASSENGER_LCD_ID, LcdGeometry.LCD_16X2).rows());
    }

    @Test
    void lcdMissingAtStartIsInitialisedWhenItAnswers() {
        mock.i2cFails.set(true);
        Pi4jHmi hmi = assertDoesNotThrow(() -> hmi(Pi4jHmiConfig.defaults()));
        hmi.show(Display.outOfService("NO SAM"));
        mock.i2cFails.set(false);
        hmi.show(Display.ready("Route 101"));
        assertEquals(List.of("READY           ", "Route 101       "),
                screen(Pi4jHmi.PASSENGER_LCD_ID, LcdGeometry.LCD_16X2).rows());
    }

    @Test
    void closeSwitchesOffAndReleasesTheDevices() {
        Pi4jHmi hmi = hmi(Pi4jHmiConfig.defaults());
        hmi.show(Display.outOfService("NO SAM"));
        DigitalOutput red = output(Pi4jHmi.RED_LED_ID);
        assertEquals(DigitalState.HIGH, red.state());
        hmi.close();
        assertEquals(DigitalState.LOW, red.state());
        assertTrue(scheduler.isClosed());
        assertFalse(mock.context.hasIO(Pi4jHmi.RED_LED_ID));
        assertFalse(mock.context.hasIO(Pi4jHmi.PASSENGER_LCD_ID));
        assertDoesNotThrow(() -> hmi.show(Display.ready("Route 101")), "showing after close is ignored");
        // The pins are free again: another HMI can take them.
        assertDoesNotThrow(() -> hmi(Pi4jHmiConfig.defaults()).close());
    }

    @Test
    void publicConstructorShowsAtOnceAndLeavesThePatternToADaemonThread() {
        // The daemon scheduler itself is exercised in PatternPlayerTest with a short pattern.
        try (Pi4jHmi hmi = new Pi4jHmi(mock.context, Pi4jHmiConfig.defaults())) {
            hmi.show(Display.paid(200, 4800, "adult"));
            assertIndicators(true, false, true, "as show returns");
            assertEquals(List.of("OK         ¥2.00", "Balance   ¥48.00"),
                    screen(Pi4jHmi.PASSENGER_LCD_ID, LcdGeometry.LCD_16X2).rows());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("farebox-hmi-indicators") && t.isDaemon()));
        }
        assertFalse(mock.context.hasIO(Pi4jHmi.GREEN_LED_ID));
    }

    @Test
    void gpioAlreadyInUseIsAClearError() {
        hmi(Pi4jHmiConfig.defaults());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> hmi(Pi4jHmiConfig.defaults()));
        assertTrue(error.getMessage().contains("GPIO 17"), error.getMessage());
    }
}
