package org.farebox.terminal.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.farebox.protocol.bytes.Hex;

/** Converters from config text to typed values; each throws with a message the operator can act on. */
final class Values {
    private Values() {
    }

    static int intIn(String text, int min, int max) {
        long v;
        try {
            v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    static boolean bool(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw new IllegalArgumentException("'" + text + "' is not true or false");
        }
    }

    static String oneOf(String text, String... allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", allowed));
    }

    static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "'");
        }
    }

    static Path path(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a path is required");
        }
        return Path.of(text);
    }

    static Path optionalPath(String text) {
        return text.isEmpty() ? null : Path.of(text);
    }

    static String terminalId(String text) {
        if (!text.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("'" + text + "' must be 1-32 letters, digits, '.', '_' or '-'");
        }
        return text;
    }

    static byte[] hex(String text, int length) {
        return Hex.parse(text, length, "value");
    }

    /** Comma-separated list of 4-hex-digit issuer codes, upper-cased. */
    static List<String> issuerCodes(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("[0-9A-Fa-f]{4}")) {
                throw new IllegalArgumentException("issuer code '" + p + "' must be 4 hex digits");
            }
            out.add(p.toUpperCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** Comma-separated list of 2-hex-digit algorithm ids. */
    static List<Integer> algorithmIds(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (!p.matches("[0-9A-Fa-f]{2}")) {
                throw new IllegalArgumentException("algorithm id '" + p + "' must be 2 hex digits");
            }
            out.add(Integer.parseInt(p, 16));
        }
        return List.copyOf(out);
    }
}
