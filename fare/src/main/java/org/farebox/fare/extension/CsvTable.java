package org.farebox.fare.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small strict CSV reader (RFC 4180 quoting, optional UTF-8 BOM, CRLF or LF) for the extension files. Problems are
 * collected, not thrown: a broken row is skipped and named, so one run reports everything wrong with a file.
 */
final class CsvTable {
    /** One data row: its line number and its values by column name (missing trailing values read as ""). */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final String file;
    private final List<Row> rows;

    private CsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Reads {@code text}; the header must name every column in {@code required}, may name those in {@code optional},
     * and nothing else (an unknown column is most often a typo that would silently widen a rule's scope).
     */
    static CsvTable parse(String file, String text, Set<String> required, Set<String> optional,
            List<Problem> problems) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (!split(file, text, records, lines, problems)) {
            return new CsvTable(file, List.of());
        }
        if (records.isEmpty()) {
            problems.add(new Problem(file, 0, "the file is empty: it needs at least a header line"));
            return new CsvTable(file, List.of());
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        boolean headerOk = true;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(new Problem(file, 1, "unknown column '" + name + "'"));
                headerOk = false;
            } else if (header.indexOf(name) != i) {
                problems.add(new Problem(file, 1, "column '" + name + "' appears twice"));
                headerOk = false;
            }
        }
        for (String name : required) {
            if (!header.contains(name)) {
                problems.add(new Problem(file, 1, "required column '" + name + "' is missing"));
                headerOk = false;
            }
        }
        if (!headerOk) {
            return new CsvTable(file, List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            int line = lines.get(r);
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue;
            }
            if (values.size() > header.size()) {
                problems.add(new Problem(file, line, values.size() + " values but the header has " + header.size()
                        + " columns"));
                continue;
            }
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                byName.put(header.get(i), values.get(i).trim());
            }
            rows.add(new Row(line, Map.copyOf(byName)));
        }
        return new CsvTable(file, List.copyOf(rows));
    }

    private static boolean split(String file, String text, List<List<String>> records, List<Integer> lines,
            List<Problem> problems) {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !afterQuote) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                lines.add(recordLine);
                record = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (afterQuote && c != ' ') {
                problems.add(new Problem(file, line, "text after a closing quote"));
                return false;
            } else if (c == '"') {
                problems.add(new Problem(file, line, "a quote inside an unquoted value"));
                return false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            problems.add(new Problem(file, recordLine, "a quoted value is never closed"));
            return false;
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
        return true;
    }
}
