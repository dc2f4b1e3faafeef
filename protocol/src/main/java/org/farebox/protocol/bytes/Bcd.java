package org.farebox.protocol.bytes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Binary-coded decimal dates and times as the PBOC/JT/T 978 files and APDUs carry them. */
public final class Bcd {
    private Bcd() {
    }

    /** YYYYMMDD in 4 bytes. */
    public static byte[] date(LocalDate date) {
        return digits(String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    /** hhmmss in 3 bytes. */
    public static byte[] time(LocalTime time) {
        return digits(String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond()));
    }

    /** YYYYMMDDhhmmss in 7 bytes. */
    public static byte[] dateTime(LocalDateTime t) {
        byte[] out = new byte[7];
        System.arraycopy(date(t.toLocalDate()), 0, out, 0, 4);
        System.arraycopy(time(t.toLocalTime()), 0, out, 4, 3);
        return out;
    }

    public static LocalDate parseDate(byte[] b, int off) {
        String s = toDigits(b, off, 4);
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: BCD " + s, e);
        }
    }

    public static LocalDateTime parseDateTime(byte[] b, int off) {
        LocalDate date = parseDate(b, off);
        String s = toDigits(b, off + 4, 3);
        try {
            return date.atTime(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time: BCD " + s, e);
        }
    }

    /** Packs an even-length decimal string; 'F' is allowed as filler nibble. */
    public static byte[] digits(String s) {
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("BCD needs an even number of digits: " + s);
        }
        return Hex.parse(s);
    }

    /** Unpacks BCD to digits, rejecting any nibble above 9. */
    public static String toDigits(byte[] b, int off, int len) {
        if (off < 0 || off + len > b.length) {
            throw new IllegalArgumentException("BCD field out of range");
        }
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) {
            int hi = (b[i] >> 4) & 0xF;
            int lo = b[i] & 0xF;
            if (hi > 9 || lo > 9) {
                throw new IllegalArgumentException("not BCD: " + Hex.of(b, off, len));
            }
            sb.append((char) ('0' + hi)).append((char) ('0' + lo));
        }
        return sb.toString();
    }
}
