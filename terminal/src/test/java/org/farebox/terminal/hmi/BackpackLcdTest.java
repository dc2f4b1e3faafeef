package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackpackLcdTest {

    private final List<byte[]> writes = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();

    private BackpackLcd lcd(LcdGeometry geometry) {
        return new BackpackLcd(writes::add, geometry, pauses::add);
    }

    private Hd44780Simulator replay(LcdGeometry geometry) {
        Hd44780Simulator simulator = new Hd44780Simulator(geometry);
        writes.forEach(simulator::feed);
        return simulator;
    }

    @Test
    void initialisationFollowsTheDatasheetAndLeavesA4BitTwoLineDisplayOn() {
        lcd(LcdGeometry.LCD_16X2).initialise(true);
        Hd44780Simulator simulator = replay(LcdGeometry.LCD_16X2);
        assertEquals(List.of("CMD 30", "CMD 30", "CMD 30", "CMD 20", "CMD 28", "CMD 08", "CMD 01", "CMD 06", "CMD 0C"),
                simulator.instructions());
        assertTrue(simulator.isFourBitMode());
        assertTrue(simulator.isTwoLines());
        assertTrue(simulator.isDisplayOn());
        assertFalse(simulator.isShiftingDisplay());
        assertTrue(simulator.isBacklightOn());
        // 40 ms after power-on, 4.1 ms after the first 0x3, 100 us after the second, 1.52 ms after clear.
        assertTrue(pauses.get(0) >= 40_000);
        assertTrue(pauses.get(1) >= 4_100);
        assertTrue(pauses.get(2) >= 100);
        assertTrue(pauses.stream().anyMatch(p -> p >= 1_520), "no wait after clear");
    }

    @Test
    void textOnTheDisplayIsTheRenderedRowsWithTheYenSignAs0x5C() {
        for (LcdGeometry geometry : List.of(LcdGeometry.LCD_16X2, LcdGeometry.LCD_20X4)) {
            writes.clear();
            BackpackLcd lcd = lcd(geometry);
            lcd.initialise(true);
            ScreenLayout layout = new ScreenLayout(geometry);
            for (Display display : ScreenLayoutTest.everyKind()) {
                List<String> rows = layout.passengerLines(display);
                lcd.show(rows);
                assertEquals(rows, replay(geometry).rows(), geometry + " " + display.kind());
            }
            lcd.show(layout.passengerLines(Display.paid(200, 4800, "adult")));
            Hd44780Simulator simulator = replay(geometry);
            assertEquals(0x5C, simulator.ddramAt(geometry.columns() - 5), "¥ is code 0x5C in ROM A00");
        }
    }

    @Test
    void onlyRowsThatChangedAreWritten() {
        BackpackLcd lcd = lcd(LcdGeometry.LCD_16X2);
        lcd.initialise(false);
        lcd.show(List.of("OK         ¥2.00", "Balance   ¥48.00"));
        int before = writes.size();
        lcd.show(List.of("OK         ¥2.00", "Balance   ¥46.00"));
        assertEquals(before + 1, writes.size());
        lcd.show(List.of("OK         ¥2.00", "Balance   ¥46.00"));
        assertEquals(before + 1, writes.size());
    }

    @Test
    void failedWriteIsRecoveredByReinitialisingFromAnyNibblePhase() {
        List<String> rows = List.of("OK STUDENT ¥2.00", "Balance   ¥48.00");
        BackpackLcd lcd = lcd(LcdGeometry.LCD_16X2);
        lcd.initialise(true);
        lcd.show(List.of("READY           ", "Route 101       "));
        // A write that broke off after one nibble leaves the controller halfway through a byte.
        writes.add(BackpackLcd.nibble(0x4, BackpackLcd.RS));
        assertTrue(replay(LcdGeometry.LCD_16X2).isMidByte());
        lcd.forget();
        lcd.initialise(false);
        lcd.show(rows);
        assertEquals(rows, replay(LcdGeometry.LCD_16X2).rows());
    }

    @Test
    void wrongNumberOfRowsIsAClearError() {
        BackpackLcd lcd = lcd(LcdGeometry.LCD_16X2);
        assertThrows(IllegalArgumentException.class, () -> lcd.show(List.of("one row")));
    }

    @Test
    void oneLineDisplayIsInitialisedInOneLineMode() {
        lcd(new LcdGeometry(16, 1)).initialise(false);
        assertFalse(replay(new LcdGeometry(16, 1)).isTwoLines());
    }
}
