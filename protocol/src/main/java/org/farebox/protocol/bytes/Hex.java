package org.farebox.protocol.bytes;

import java.util.HexFormat;

/** Strict hexadecimal text for keys, APDUs and serials in files and logs. */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    public static String of(byte[] bytes, int offset, int length) {
        return UPPER.formatHex(bytes, offset, offset + length);
    }

    /** Parses hex, ignoring spaces; throws IllegalArgumentException naming what was wrong. */
    public static byte[] parse(String text) {
        String compact = text.replace(" ", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalArgumentException("hex text has an odd number of digits: " + abbreviate(compact));
        }
        try {
            return HexFormat.of().parseHex(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hexadecimal: " + abbreviate(compact), e);
        }
    }

    /** Parses hex that must decode to exactly {@code length} bytes. */
    public static byte[] parse(String text, int length, String what) {
        byte[] bytes = parse(text);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes (" + (2 * length)
                    + " hex digits), got " + bytes.length);
        }
        return bytes;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
