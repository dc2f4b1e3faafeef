package org.farebox.terminal.deny;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deny list text format: UTF-8, one card serial (20 decimal digits) per line, optionally followed
 * by {@code ,reason} (the rest of the line, trimmed); lines starting with {@code #} and blank lines are
 * ignored. A serial listed twice keeps the last reason.
 */
public final class DenyListText {

    /** Longest reason accepted, in characters. */
    public static final int MAX_REASON = 200;

    private static final Pattern SERIAL = Pattern.compile("[0-9]{20}");

    private DenyListText() {
    }

    /** Parses the whole file; the first malformed line throws, naming its number. */
    public static Map<String, String> parse(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        long number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                parseLine(line, number, entries);
            }
        } catch (CharacterCodingException e) {
            throw new DenyListFormatException(number + 1, "not UTF-8 text");
        }
        return entries;
    }

    static void parseLine(String line, long number, Map<String, String> entries) throws DenyListFormatException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        int comma = trimmed.indexOf(',');
        String serial = (comma < 0 ? trimmed : trimmed.substring(0, comma)).strip();
        String reason = comma < 0 ? "" : trimmed.substring(comma + 1).strip();
        String problem = problem(serial, reason);
        if (problem != null) {
            throw new DenyListFormatException(number, problem + ": " + abbreviate(trimmed));
        }
        entries.put(serial, reason);
    }

    /** What is wrong with an entry, or null if it is well formed. */
    static String problem(String serial, String reason) {
        if (!SERIAL.matcher(serial).matches()) {
            return "a card serial must be 20 decimal digits";
        }
        if (reason.length() > MAX_REASON) {
            return "reason longer than " + MAX_REASON + " characters";
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            return "reason contains control characters";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
