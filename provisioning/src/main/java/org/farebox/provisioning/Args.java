package org.farebox.provisioning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.farebox.protocol.bytes.Hex;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of option values that picocli's types cannot express; each failure is a usage error (exit 2). */
public final class Args {
    private final CommandSpec spec;

    public Args(CommandSpec spec) {
        this.spec = spec;
    }

    public CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Exactly {@code length} bytes of hex, e.g. a terminal number or an issuer id. */
    public byte[] hex(String option, String value, int length) {
        try {
            return Hex.parse(value, length, option);
        } catch (IllegalArgumentException e) {
            throw bad(option + " must be " + (2 * length) + " hex digits, got \"" + value + "\"");
        }
    }

    public int inRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw bad(option + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public long inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw bad(option + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** An ISO date, YYYY-MM-DD. */
    public LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(option + " must be a date YYYY-MM-DD, got \"" + value + "\"");
        }
    }
}
