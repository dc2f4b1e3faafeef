package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder is itself checked against a hand-written expander stream, so the LCD tests rest on something. */
class Hd44780SimulatorTest {

    private static final int BL = 0x08;
    private static final int E = 0x04;
    private static final int RS = 0x01;

    /** Two bytes per nibble, the way many other drivers do it: E high with the data, then E low. */
    private static void nibble(Hd44780Simulator lcd, int bits, int rs) {
        lcd.feed((bits << 4) | BL | rs | E);
        lcd.feed((bits << 4) | BL | rs);
    }

    private static void send(Hd44780Simulator lcd, int value, int rs) {
        nibble(lcd, value >> 4, rs);
        nibble(lcd, value & 0x0F, rs);
    }

    @Test
    void decodesAHandWrittenFourBitSession() {
        Hd44780Simulator lcd = new Hd44780Simulator(LcdGeometry.LCD_16X2);
        lcd.feed(BL); // the first write pulls E (high at power-on) low while RW was high: a harmless read
        nibble(lcd, 0x3, 0);
        nibble(lcd, 0x3, 0);
        nibble(lcd, 0x3, 0);
        nibble(lcd, 0x2, 0);
        assertTrue(lcd.isFourBitMode());
        send(lcd, 0x28, 0);
        send(lcd, 0x0C, 0);
        send(lcd, 0xC0 | 0x02, 0); // row 1, column 2
        send(lcd, 'H', RS);
        send(lcd, 'i', RS);
        send(lcd, 0x5C, RS);
        assertEquals(List.of(" ".repeat(16), "  Hi¥" + " ".repeat(11)), lcd.rows());
        assertTrue(lcd.isTwoLines());
        assertTrue(lcd.isDisplayOn());
        assertTrue(lcd.isBacklightOn());
        assertFalse(lcd.isMidByte());
        assertEquals(0, lcd.rsChangedMidByte());
    }

    @Test
    void writingPastTheEndOfTheFirstLineContinuesOnTheSecond() {
        Hd44780Simulator lcd = new Hd44780Simulator(LcdGeometry.LCD_16X2);
        for (int n : new int[] {0x3, 0x3, 0x3, 0x2}) {
            nibble(lcd, n, 0);
        }
        send(lcd, 0x28, 0);
        send(lcd, 0x80 | 0x27, 0);
        send(lcd, 'A', RS);
        send(lcd, 'B', RS);
        assertEquals('A', lcd.ddramAt(0x27));
        assertEquals('B', lcd.ddramAt(0x40));
    }

    @Test
    void eightBitModeTakesOneEdgePerInstruction() {
        Hd44780Simulator lcd = new Hd44780Simulator(LcdGeometry.LCD_16X2);
        lcd.feed(BL);
        nibble(lcd, 0x3, 0);
        assertEquals(List.of("CMD 30"), lcd.instructions());
        assertFalse(lcd.isFourBitMode());
    }

    @Test
    void firstPulseAfterPowerOnIsLostWhenEWasAlreadyHigh() {
        // The expander starts with every pin high, E included: a nibble that raises E in its first byte never
        // gets a rising edge, and its falling edge ends a read cycle. Hence the setup byte before each E pulse.
        Hd44780Simulator lcd = new Hd44780Simulator(LcdGeometry.LCD_16X2);
        nibble(lcd, 0x3, 0);
        assertEquals(List.of(), lcd.instructions());
    }
}
