package org.farebox.terminal.hmi;

import org.tinylog.configuration.Configuration;

/**
 * Silences Pi4J in these tests: the mock I2C logs every byte and the board detection complains that this is
 * not a Pi, thousands of lines that hide real failures. Only works before tinylog's first log entry, so every
 * test class here that logs calls it first; harmless when a module-wide test configuration exists.
 */
final class QuietPi4jLogs {

    private QuietPi4jLogs() {
    }

    static synchronized void install() {
        if (!Configuration.isFrozen()) {
            Configuration.set("level@com.pi4j", "off");
        }
    }
}
