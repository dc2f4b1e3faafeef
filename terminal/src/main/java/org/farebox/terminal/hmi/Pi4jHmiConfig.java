package org.farebox.terminal.hmi;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where the validator's LEDs, buzzer and LCDs are wired on a Raspberry Pi. Pins are BCM GPIO numbers, driven
 * high to light an LED or sound the buzzer. The LCDs sit on one I2C bus behind PCF8574 backpacks.
 *
 * @param greenLedPin       BCM pin of the green LED (default 17)
 * @param redLedPin         BCM pin of the red LED (default 27)
 * @param buzzerPin         BCM pin of the active buzzer (default 22)
 * @param i2cBus            I2C bus of the LCDs (default 1, /dev/i2c-1)
 * @param lcdAddress        7-bit I2C address of the passenger's LCD backpack (default 0x27; 0x3F on PCF8574A)
 * @param lcdGeometry       size of the passenger's LCD (default 16x2)
 * @param driverLcdAddress  address of an optional second LCD facing the driver (default: none)
 * @param driverLcdGeometry size of the driver's LCD (default 16x2), unused without one
 */
public record Pi4jHmiConfig(int greenLedPin, int redLedPin, int buzzerPin, int i2cBus, int lcdAddress,
        LcdGeometry lcdGeometry, OptionalInt driverLcdAddress, LcdGeometry driverLcdGeometry) {

    public static final int DEFAULT_GREEN_LED_PIN = 17;
    public static final int DEFAULT_RED_LED_PIN = 27;
    public static final int DEFAULT_BUZZER_PIN = 22;
    public static final int DEFAULT_I2C_BUS = 1;
    public static final int DEFAULT_LCD_ADDRESS = 0x27;

    public Pi4jHmiConfig {
        checkPin("green LED", greenLedPin);
        checkPin("red LED", redLedPin);
        checkPin("buzzer", buzzerPin);
        if (greenLedPin == redLedPin || greenLedPin == buzzerPin || redLedPin == buzzerPin) {
            throw new IllegalArgumentException("the green LED, red LED and buzzer need three different pins, got "
                    + greenLedPin + ", " + redLedPin + ", " + buzzerPin);
        }
        if (i2cBus < 0 || i2cBus > 31) {
            throw new IllegalArgumentException("I2C bus must be 0..31, got " + i2cBus);
        }
        checkAddress("passenger LCD", lcdAddress);
        Objects.requireNonNull(lcdGeometry, "lcdGeometry");
        Objects.requireNonNull(driverLcdAddress, "driverLcdAddress (use OptionalInt.empty() for none)");
        Objects.requireNonNull(driverLcdGeometry, "driverLcdGeometry");
        if (driverLcdAddress.isPresent()) {
            checkAddress("driver LCD", driverLcdAddress.getAsInt());
            if (driverLcdAddress.getAsInt() == lcdAddress) {
                throw new IllegalArgumentException(String.format(
                        "the driver LCD needs its own I2C address, 0x%02X is the passenger LCD's", lcdAddress));
            }
        }
    }

    /** Green 17, red 27, buzzer 22, a 16x2 LCD at 0x27 on bus 1, no driver LCD. */
    public static Pi4jHmiConfig defaults() {
        return new Pi4jHmiConfig(DEFAULT_GREEN_LED_PIN, DEFAULT_RED_LED_PIN, DEFAULT_BUZZER_PIN, DEFAULT_I2C_BUS,
                DEFAULT_LCD_ADDRESS, LcdGeometry.LCD_16X2, OptionalInt.empty(), LcdGeometry.LCD_16X2);
    }

    public Pi4jHmiConfig withPins(int greenLed, int redLed, int buzzer) {
        return new Pi4jHmiConfig(greenLed, redLed, buzzer, i2cBus, lcdAddress, lcdGeometry, driverLcdAddress,
                driverLcdGeometry);
    }

    public Pi4jHmiConfig withI2cBus(int bus) {
        return new Pi4jHmiConfig(greenLedPin, redLedPin, buzzerPin, bus, lcdAddress, lcdGeometry, driverLcdAddress,
                driverLcdGeometry);
    }

    public Pi4jHmiConfig withLcd(int address, LcdGeometry geometry) {
        return new Pi4jHmiConfig(greenLedPin, redLedPin, buzzerPin, i2cBus, address, geometry, driverLcdAddress,
                driverLcdGeometry);
    }

    public Pi4jHmiConfig withDriverLcd(int address, LcdGeometry geometry) {
        return new Pi4jHmiConfig(greenLedPin, redLedPin, buzzerPin, i2cBus, lcdAddress, lcdGeometry,
                OptionalInt.of(address), geometry);
    }

    public Pi4jHmiConfig withoutDriverLcd() {
        return new Pi4jHmiConfig(greenLedPin, redLedPin, buzzerPin, i2cBus, lcdAddress, lcdGeometry,
                OptionalInt.empty(), driverLcdGeometry);
    }

    private static void checkPin(String what, int pin) {
        // The 40-pin header exposes BCM GPIO 0..27.
        if (pin < 0 || pin > 27) {
            throw new IllegalArgumentException("the " + what + " pin must be a BCM GPIO number 0..27, got " + pin);
        }
    }

    private static void checkAddress(String what, int address) {
        if (address < 0x03 || address > 0x77) {
            throw new IllegalArgumentException(String.format(
                    "the %s I2C address must be a 7-bit address 0x03..0x77, got 0x%02X", what, address));
        }
    }
}
