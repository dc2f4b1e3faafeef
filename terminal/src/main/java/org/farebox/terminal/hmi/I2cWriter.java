package org.farebox.terminal.hmi;

/** Writes bytes to one I2C device; a failure is an unchecked exception. */
@FunctionalInterface
interface I2cWriter {
    void write(byte[] bytes);
}
