package org.farebox.fare.gtfs.bundle;

import java.util.Arrays;

/** A growable byte buffer with the bundle's primitive encodings: fixed big-endian, LEB128 varints, zigzag. */
final class ByteSink {
    private byte[] buf = new byte[4096];
    private int size;

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void fixed(long v, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    /** An unsigned varint (7 bits a byte, low group first). */
    void varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("varint of a negative value " + v);
        }
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** A signed value as a zigzag varint: small magnitudes stay short whatever the sign. */
    void signed(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    int size() {
        return size;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
