package org.farebox.fare.gtfs.csv;

import java.util.ArrayList;
import java.util.List;
import org.farebox.fare.gtfs.Problems;

/**
 * RFC 4180 records from decoded text: quoted fields with {@code ""} escapes and embedded line breaks, CRLF
 * or LF line ends, an optional final line break. Blank lines are skipped. A syntax error is reported with the
 * line it starts on and the rest of that record is dropped.
 */
final class CsvParser {
    /** One record and the line its first field starts on (1-based: the header is line 1). */
    record Line(int line, List<String> fields) {
    }

    private final String file;
    private final String text;
    private final Problems problems;
    private int pos;
    private int line = 1;

    CsvParser(String file, String text, Problems problems) {
        this.file = file;
        this.text = text;
        this.problems = problems;
    }

    List<Line> parse() {
        List<Line> out = new ArrayList<>();
        while (pos < text.length()) {
            int start = line;
            List<String> fields = record();
            if (fields != null && !(fields.size() == 1 && fields.get(0).isEmpty())) {
                out.add(new Line(start, fields));
            }
        }
        return out;
    }

    private List<String> record() {
        List<String> fields = new ArrayList<>();
        int start = line;
        while (true) {
            String field;
            if (pos < text.length() && text.charAt(pos) == '"') {
                field = quoted(start);
                if (field == null) {
                    skipToLineEnd();
                    return null;
                }
            } else {
                field = plain();
            }
            fields.add(field);
            if (pos >= text.length()) {
                return fields;
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (endOfLine()) {
                return fields;
            } else {
                problems.error(file, start, "text after a closing quote (a quote inside a field must be doubled: \"\")");
                skipToLineEnd();
                return null;
            }
        }
    }

    private String plain() {
        int from = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                // A quote inside an unquoted field is not RFC 4180; keep it, as most GTFS readers do.
                pos++;
                continue;
            }
            pos++;
        }
        return text.substring(from, pos);
    }

    private String quoted(int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    sb.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                return sb.toString();
            }
            if (c == '\n') {
                line++;
            }
            sb.append(c);
            pos++;
        }
        problems.error(file, start, "a quoted field is never closed");
        return null;
    }

    /** Consumes one line end (CRLF, LF or a lone CR) if there is one here. */
    private boolean endOfLine() {
        char c = text.charAt(pos);
        if (c == '\r') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            return true;
        }
        if (c == '\n') {
            pos++;
            line++;
            return true;
        }
        return false;
    }

    private void skipToLineEnd() {
        while (pos < text.length() && !endOfLine()) {
            pos++;
        }
    }
}
