package org.farebox.fare.extension;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsers for the value kinds of the extension files; each throws IllegalArgumentException with a readable message. */
final class Fields {
    private Fields() {
    }

    static String id(CsvTable.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        if (v.length() > 64 || !v.chars().allMatch(c -> c > 0x20 && c != 0x7F)) {
            throw new IllegalArgumentException(column + " '" + v + "' must be 1-64 characters without spaces");
        }
        return v;
    }

    /** A non-negative integer up to {@code max}, or {@code dflt} when empty. */
    static long integer(CsvTable.Row row, String column, long dflt, long max) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return dflt;
        }
        if (!v.matches("[0-9]{1,12}") || Long.parseLong(v) > max) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a whole number from 0 to " + max);
        }
        return Long.parseLong(v);
    }

    static boolean flag(CsvTable.Row row, String column, boolean dflt) {
        return switch (row.get(column)) {
            case "" -> dflt;
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not 0 or 1");
        };
    }

    /** A percentage "15" or "12.5" (at most 2 decimals, above 0, at most 100) as basis points. */
    static int percentBasisPoints(String v) {
        if (!v.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("percent '" + v + "' is not a number with at most 2 decimals");
        }
        int bp = new java.math.BigDecimal(v).movePointRight(2).intValueExact();
        if (bp <= 0 || bp > 10_000) {
            throw new IllegalArgumentException("percent '" + v + "' must be above 0 and at most 100");
        }
        return bp;
    }

    static LocalDate date(String column, String v) {
        if (!v.matches("[0-9]{8}")) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a YYYYMMDD date");
        }
        try {
            return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a calendar date");
        }
    }

    static LocalDate optionalDate(CsvTable.Row row, String column) {
        String v = row.get(column);
        return v.isEmpty() ? null : date(column, v);
    }

    /** Dates separated by ';' (e.g. "20260101;20260217"), no duplicates. */
    static Set<LocalDate> dates(CsvTable.Row row, String column) {
        String v = row.get(column);
        Set<LocalDate> out = new HashSet<>();
        if (v.isEmpty()) {
            return out;
        }
        for (String part : v.split(";", -1)) {
            if (!out.add(date(column, part.trim()))) {
                throw new IllegalArgumentException(column + " lists " + part.trim() + " twice");
            }
        }
        return out;
    }

    /** "1111100": seven 0/1 flags from Monday to Sunday; empty = every day. */
    static Set<DayOfWeek> weekdays(CsvTable.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return EnumSet.noneOf(DayOfWeek.class);
        }
        if (!v.matches("[01]{7}") || v.equals("0000000")) {
            throw new IllegalArgumentException(column + " '" + v
                    + "' must be seven 0/1 flags from Monday to Sunday with at least one 1 (e.g. 1111100)");
        }
        EnumSet<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < 7; i++) {
            if (v.charAt(i) == '1') {
                out.add(DayOfWeek.of(i + 1));
            }
        }
        return out;
    }

    /** HH:MM or HH:MM:SS as seconds after midnight; "24:00" or "24:00:00" allowed only when {@code endOfDay}. */
    static int timeOfDay(String column, String v, boolean endOfDay) {
        if (!v.matches("[0-9]{2}:[0-9]{2}(:[0-9]{2})?")) {
            throw new IllegalArgumentException(column + " '" + v + "' is not HH:MM or HH:MM:SS");
        }
        List<Integer> p = java.util.Arrays.stream(v.split(":")).map(Integer::parseInt).toList();
        int h = p.get(0);
        int m = p.get(1);
        int s = p.size() == 3 ? p.get(2) : 0;
        int seconds = h * 3600 + m * 60 + s;
        if (m > 59 || s > 59 || seconds > 86_400 || (seconds == 86_400 && !endOfDay)) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a time of day"
                    + (endOfDay ? " up to 24:00:00" : " before 24:00"));
        }
        return seconds;
    }

    static LocalTime localTime(String column, String v) {
        return LocalTime.ofSecondOfDay(timeOfDay(column, v, false));
    }

    static DayOfWeek dayOfWeek(String column, String v) {
        try {
            return DayOfWeek.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a weekday name (monday ... sunday)");
        }
    }
}
