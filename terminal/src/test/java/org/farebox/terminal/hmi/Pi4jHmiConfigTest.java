package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class Pi4jHmiConfigTest {

    @Test
    void defaultsMatchTheUsualWiring() {
        Pi4jHmiConfig config = Pi4jHmiConfig.defaults();
        assertEquals(17, config.greenLedPin());
        assertEquals(27, config.redLedPin());
        assertEquals(22, config.buzzerPin());
        assertEquals(1, config.i2cBus());
        assertEquals(0x27, config.lcdAddress());
        assertEquals(LcdGeometry.LCD_16X2, config.lcdGeometry());
        assertEquals(OptionalInt.empty(), config.driverLcdAddress());
    }

    @Test
    void withersChangeOnlyWhatTheyName() {
        Pi4jHmiConfig config = Pi4jHmiConfig.defaults().withDriverLcd(0x26, LcdGeometry.LCD_20X4).withI2cBus(3);
        assertEquals(OptionalInt.of(0x26), config.driverLcdAddress());
        assertEquals(LcdGeometry.LCD_20X4, config.driverLcdGeometry());
        assertEquals(3, config.i2cBus());
        assertEquals(0x27, config.lcdAddress());
        assertEquals(OptionalInt.empty(), config.withoutDriverLcd().driverLcdAddress());
    }

    @Test
    void badWiringIsAClearError() {
        Pi4jHmiConfig defaults = Pi4jHmiConfig.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> defaults.withPins(17, 17, 22))
                .getMessage().contains("different pins"));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPins(17, 27, 40));
        assertThrows(IllegalArgumentException.class, () -> defaults.withLcd(0x80, LcdGeometry.LCD_16X2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> defaults.withDriverLcd(0x27, LcdGeometry.LCD_16X2))
                .getMessage().contains("0x27"));
        assertThrows(NullPointerException.class, () -> defaults.withLcd(0x27, null));
    }
}
