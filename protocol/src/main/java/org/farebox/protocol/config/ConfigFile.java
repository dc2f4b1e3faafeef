package org.farebox.protocol.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@code key = value} file with {@code #} comments that remembers where every key was written, so
 * that a bad value is reported as "terminal.conf line 12: reader.poll_ms: …" and the operator knows
 * exactly what to fix. The terminal's and the clearing host's configs share this format.
 */
public final class ConfigFile {
    private record Entry(String value, int line) {
    }

    private final String source;
    private final Map<String, Entry> entries;

    private ConfigFile(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    public static ConfigFile empty() {
        return new ConfigFile("(defaults)", Map.of());
    }

    public static ConfigFile read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file + ": does not exist", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses the text; unknown syntax and repeated keys are errors naming the line. */
    public static ConfigFile parse(String source, String text) {
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
        return new ConfigFile(source, entries);
    }

    // A '#' starts a comment only at the line start or after white space, so regexes like [#] survive.
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Fails on the first key that is not in {@code known}, naming its line. */
    public void rejectUnknownKeys(Set<String> known) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigException(source + " line " + e.getValue().line() + ": unknown key " + e.getKey());
            }
        }
    }

    /** The value of {@code key} converted by {@code parser}, or {@code fallback} when the key is absent. */
    public <T> T get(String key, T fallback, Function<String, T> parser) {
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

    public String source() {
        return source;
    }
}
