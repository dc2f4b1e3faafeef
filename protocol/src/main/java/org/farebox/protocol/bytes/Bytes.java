package org.farebox.protocol.bytes;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Concatenation and slicing helpers for APDU and MAC input assembly. */
public final class Bytes {
    private Bytes() {
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] slice(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IllegalArgumentException("slice " + off + "+" + len + " outside " + b.length + " bytes");
        }
        return Arrays.copyOfRange(b, off, off + len);
    }

    public static byte[] of(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
