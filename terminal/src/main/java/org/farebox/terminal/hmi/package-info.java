/**
 * What the passenger and the driver see and hear after a tap: the {@link org.farebox.terminal.hmi.Hmi}
 * contract, a pure renderer from a {@link org.farebox.terminal.hmi.Display} to the lines of a character
 * LCD, the LED and buzzer patterns as data, and two devices that show them: the console (demo, operators
 * without hardware) and a Raspberry Pi with Pi4J.
 *
 * <p>Terms used here:
 * <ul>
 *   <li><b>fen</b>: the unit of all amounts, 1/100 yuan; shown as yuan with two decimals after a ¥ sign.</li>
 *   <li><b>concession</b>: a rider category other than adult (student, senior, free). The driver must be
 *       able to tell it apart from an adult fare, to check that the passenger is entitled to it: it is
 *       written on the LCD and the buzzer beeps twice instead of once.</li>
 *   <li><b>HD44780</b>: the controller of nearly every 16×2 and 20×4 character LCD; <b>PCF8574</b>: the
 *       8-bit I2C port expander on the usual "I2C backpack" that drives it in 4-bit mode.</li>
 *   <li><b>ROM A00</b>: the HD44780 character set sold in most modules; it has the yen sign at 0x5C where
 *       ASCII has a backslash, which is the one character we rely on beyond ASCII.</li>
 * </ul>
 */
package org.farebox.terminal.hmi;
