package org.farebox.protocol.deny;

import java.util.Arrays;

/**
 * Card serials as the deny list carries them: the 20-digit application serial of a T-Union card packed as
 * 10 BCD bytes. Packed serials compare bytewise unsigned in the same order as their digit strings.
 */
public final class CardSerials {
    /** Bytes of one packed serial. */
    public static final int BYTES = 10;
    /** Digits of one serial. */
    public static final int DIGITS = 20;

    private CardSerials() {
    }

    /** True if {@code serial} is exactly 20 ASCII digits. */
    public static boolean isValid(String serial) {
        if (serial == null || serial.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = serial.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Packs {@code serial} into {@code dst} at {@code off}; a serial that is not 20 digits throws IllegalArgumentException. */
    public static void pack(String serial, byte[] dst, int off) {
        if (!isValid(serial)) {
            throw new IllegalArgumentException("a card serial must be 20 decimal digits: '" + abbreviate(serial) + "'");
        }
        for (int i = 0; i < BYTES; i++) {
            dst[off + i] = (byte) ((serial.charAt(2 * i) - '0') << 4 | (serial.charAt(2 * i + 1) - '0'));
        }
    }

    /** The 10 packed bytes of {@code serial}. */
    public static byte[] pack(String serial) {
        byte[] b = new byte[BYTES];
        pack(serial, b, 0);
        return b;
    }

    /** The 20 digits packed at {@code off}; nibbles above 9 throw IllegalArgumentException. */
    public static String unpack(byte[] src, int off) {
        if (!isValidBcd(src, off)) {
            throw new IllegalArgumentException("not a BCD card serial at offset " + off);
        }
        char[] digits = new char[DIGITS];
        for (int i = 0; i < BYTES; i++) {
            digits[2 * i] = (char) ('0' + ((src[off + i] >> 4) & 0xF));
            digits[2 * i + 1] = (char) ('0' + (src[off + i] & 0xF));
        }
        return new String(digits);
    }

    /** True if the 10 bytes at {@code off} are all valid BCD (every nibble 0..9). */
    public static boolean isValidBcd(byte[] src, int off) {
        for (int i = off; i < off + BYTES; i++) {
            if ((src[i] & 0xF0) > 0x90 || (src[i] & 0x0F) > 0x09) {
                return false;
            }
        }
        return true;
    }

    /** Compares the packed serials at {@code aOff} and {@code bOff} (negative, zero or positive). */
    public static int compare(byte[] a, int aOff, byte[] b, int bOff) {
        return Arrays.compareUnsigned(a, aOff, aOff + BYTES, b, bOff, bOff + BYTES);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
