package org.farebox.fare.gtfs.feed;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.csv.CsvRow;

/** Typed field reads that report an unreadable value by file, row and column, and return a neutral value. */
final class Fields {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Problems problems;

    Fields(Problems problems) {
        this.problems = problems;
    }

    /** A value that must be present; "" (and an error) when it is empty. */
    String required(CsvRow row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            problems.error(row.file(), row.row(), column + " is required and empty");
        }
        return v;
    }

    /** An integer in [min, max], null when empty (an error too when {@code required}) or unreadable. */
    Integer integer(CsvRow row, String column, long min, long max, boolean required) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (required) {
                problems.error(row.file(), row.row(), column + " is required and empty");
            }
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                problems.error(row.file(), row.row(), column + " must be " + min + ".." + max + ", got " + v);
                return null;
            }
            return (int) n;
        } catch (NumberFormatException e) {
            problems.error(row.file(), row.row(), column + " must be an integer, got \"" + v + "\"");
            return null;
        }
    }

    /** An enumerated integer with a default for the empty field; -1 when unreadable. */
    int code(CsvRow row, String column, int min, int max, int whenEmpty) {
        if (row.get(column).isEmpty()) {
            return whenEmpty;
        }
        Integer v = integer(row, column, min, max, false);
        return v == null ? -1 : v;
    }

    Double decimal(CsvRow row, String column, double min, double max) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                problems.error(row.file(), row.row(), column + " must be " + min + ".." + max + ", got " + v);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.error(row.file(), row.row(), column + " must be a number, got \"" + v + "\"");
            return null;
        }
    }

    LocalDate date(CsvRow row, String column) {
        String v = required(row, column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v, DATE);
        } catch (DateTimeParseException e) {
            problems.error(row.file(), row.row(), column + " must be a date YYYYMMDD, got \"" + v + "\"");
            return null;
        }
    }

    /** A GTFS time H:MM:SS or HH:MM:SS (hours may pass 24) as seconds after midnight; null when empty or bad. */
    Integer time(CsvRow row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("[0-9]{1,2}:[0-5][0-9]:[0-5][0-9]")) {
            problems.error(row.file(), row.row(), column + " must be a time HH:MM:SS, got \"" + v + "\"");
            return null;
        }
        String[] p = v.split(":");
        return Integer.parseInt(p[0]) * 3600 + Integer.parseInt(p[1]) * 60 + Integer.parseInt(p[2]);
    }
}
