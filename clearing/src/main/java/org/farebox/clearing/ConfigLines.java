package org.farebox.clearing;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@code key = value} file with {@code #} comments, the same format as the terminal's, remembering
 * the line of every key so errors read "clearing.conf line 4: store.jdbc_url: …". (The terminal's own
 * reader lives in the terminal module, which clearing does not depend on.)
 */
final class ConfigLines {
    private record Entry(String value, int line) {
    }

    private final String source;
    private final Map<String, Entry> entries;

    private ConfigLines(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    static ConfigLines read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": does not exist", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static ConfigLines parse(String source, String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(source + " line " + (i + 1) + ": expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (entries.containsKey(key)) {
                throw new ConfigException(source + " line " + (i + 1) + ": " + key + " is already set on line "
                        + entries.get(key).line());
            }
            entries.put(key, new Entry(line.substring(eq + 1).strip(), i + 1));
        }
        return new ConfigLines(source, entries);
    }

    // A '#' starts a comment only at the line start or after white space, so a password may hold one.
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    void rejectUnknownKeys(Set<String> known) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigException(source + " line " + e.getValue().line() + ": unknown key " + e.getKey());
            }
        }
    }

    <T> T get(String key, T fallback, Function<String, T> parser) {
        Entry e = entries.get(key);
        if (e == null) {
            return fallback;
        }
        try {
            return parser.apply(e.value());
        } catch (RuntimeException ex) {
            throw new ConfigException(source + " line " + e.line() + ": " + key + ": " + ex.getMessage(), ex);
        }
    }

    String source() {
        return source;
    }

    String string(String key, String fallback) {
        return get(key, fallback, v -> v);
    }
}
