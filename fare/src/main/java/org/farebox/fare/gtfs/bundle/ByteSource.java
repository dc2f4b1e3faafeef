package org.farebox.fare.gtfs.bundle;

/** Reads the bundle's primitive encodings with a bounds check on every byte; errors name the offset. */
final class ByteSource {
    private final byte[] buf;
    private final int end;
    private int pos;

    ByteSource(byte[] buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    long fixed(int bytes) {
        need(bytes);
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 63 && b > 1) {
                    break;
                }
                return v;
            }
        }
        throw error("varint longer than 64 bits");
    }

    long signed() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that must fit in {@code [0, max]}. */
    int bounded(long max, String what) {
        long v = varint();
        if (v > max) {
            throw error(what + " " + v + " is beyond " + max);
        }
        return (int) v;
    }

    /** A count of items of at least {@code minBytes} each: more than the bytes left could hold is corruption. */
    int count(int minBytes, String what) {
        return bounded(remaining() / Math.max(1, minBytes), what + " count");
    }

    byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    BundleException error(String message) {
        return new BundleException("fare bundle: " + message + " at byte " + pos);
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw error("truncated (needs " + n + " more bytes)");
        }
    }
}
