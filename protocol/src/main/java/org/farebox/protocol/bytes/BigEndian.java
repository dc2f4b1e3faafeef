package org.farebox.protocol.bytes;

/** Unsigned big-endian integers of 1 to 4 bytes, as amounts and counters travel on the card. */
public final class BigEndian {
    private BigEndian() {
    }

    public static long read(byte[] b, int off, int len) {
        if (len < 1 || len > 4 || off < 0 || off + len > b.length) {
            throw new IllegalArgumentException("integer field out of range");
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    public static byte[] bytes(long value, int len) {
        if (value < 0 || (len < 8 && value >= (1L << (8 * len)))) {
            throw new IllegalArgumentException(value + " does not fit in " + len + " unsigned bytes");
        }
        byte[] out = new byte[len];
        for (int i = len - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    public static void write(byte[] dst, int off, long value, int len) {
        System.arraycopy(bytes(value, len), 0, dst, off, len);
    }
}
