package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LcdGeometryTest {

    @Test
    void rowAddressesFollowTheHd44780Layout() {
        LcdGeometry large = LcdGeometry.LCD_20X4;
        assertEquals(0x00, large.rowAddress(0));
        assertEquals(0x40, large.rowAddress(1));
        assertEquals(0x14, large.rowAddress(2));
        assertEquals(0x54, large.rowAddress(3));
        LcdGeometry sixteenByFour = new LcdGeometry(16, 4);
        assertEquals(0x10, sixteenByFour.rowAddress(2));
        assertEquals(0x50, sixteenByFour.rowAddress(3));
        assertEquals(0x40, LcdGeometry.LCD_16X2.rowAddress(1));
    }

    @Test
    void rowOutsideTheDisplayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LcdGeometry.LCD_16X2.rowAddress(2));
    }

    @Test
    void sizesTheControllerCannotDriveAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LcdGeometry(16, 3));
        assertThrows(IllegalArgumentException.class, () -> new LcdGeometry(24, 4));
        assertThrows(IllegalArgumentException.class, () -> new LcdGeometry(41, 2));
        assertThrows(IllegalArgumentException.class, () -> new LcdGeometry(4, 2));
    }

    @Test
    void parsesTheUsualSpelling() {
        assertEquals(LcdGeometry.LCD_20X4, LcdGeometry.parse("20x4"));
        assertEquals(LcdGeometry.LCD_16X2, LcdGeometry.parse(" 16X2 "));
        assertEquals("16x2", LcdGeometry.LCD_16X2.toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> LcdGeometry.parse("16 by 2"));
        assertTrue(bad.getMessage().contains("16x2"));
        assertThrows(IllegalArgumentException.class, () -> LcdGeometry.parse(null));
    }
}
