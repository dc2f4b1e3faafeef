package org.farebox.terminal.deny;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.farebox.protocol.deny.CardSerials;

/**
 * Card serials packed 10 BCD bytes each in ascending order, with a parallel array of one-byte codes (a
 * {@link org.farebox.protocol.deny.DenyReason} code, or {@link #REMOVED} in an overlay). Immutable after
 * construction; lookups allocate nothing: a serial is compared as a 16-bit and a 64-bit number.
 */
final class CardIndex {
    /** The code of an overlay entry that un-denies a card of the base. */
    static final byte REMOVED = 0;
    static final CardIndex EMPTY = new CardIndex(new byte[0], new byte[0]);

    private static final int N = CardSerials.BYTES;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] keys;
    private final byte[] codes;

    /** Takes the arrays as they are: sorted, unique, valid (the caller checked, or built them by merging). */
    CardIndex(byte[] keys, byte[] codes) {
        this.keys = keys;
        this.codes = codes;
    }

    int size() {
        return codes.length;
    }

    byte[] keys() {
        return keys;
    }

    byte[] codes() {
        return codes;
    }

    /** The first 4 digits of a valid serial, as BCD (16 bits). */
    static int high(String serial) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 4 | (serial.charAt(i) - '0');
        }
        return v;
    }

    /** The last 16 digits of a valid serial, as BCD (64 bits; compare unsigned). */
    static long low(String serial) {
        long v = 0;
        for (int i = 4; i < CardSerials.DIGITS; i++) {
            v = v << 4 | (serial.charAt(i) - '0');
        }
        return v;
    }

    /** The first 4 digits of the packed serial at {@code index} of {@code keys}, as BCD. */
    static int highAt(byte[] keys, int index) {
        return (keys[index * N] & 0xFF) << 8 | (keys[index * N + 1] & 0xFF);
    }

    /** The last 16 digits of the packed serial at {@code index} of {@code keys}, as BCD. */
    static long lowAt(byte[] keys, int index) {
        return (long) LONG.get(keys, index * N + 2);
    }

    /** The index of the key, or {@code -(insertion point) - 1}. */
    int find(int high, long low) {
        int lo = 0;
        int hi = codes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int o = mid * N;
            int c = Integer.compare((keys[o] & 0xFF) << 8 | (keys[o + 1] & 0xFF), high);
            if (c == 0) {
                c = Long.compareUnsigned((long) LONG.get(keys, o + 2), low);
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The code stored for the key, or -1 if the key is not here. */
    int code(int high, long low) {
        int i = find(high, low);
        return i < 0 ? -1 : codes[i] & 0xFF;
    }

    /**
     * The entries of {@code under} with those of {@code over} laid on top (same key: {@code over} wins), in one
     * merge walk; with {@code dropRemoved}, {@link #REMOVED} entries are left out of the result.
     */
    static CardIndex merge(CardIndex under, CardIndex over, boolean dropRemoved) {
        byte[] keys = new byte[(under.size() + over.size()) * N];
        byte[] codes = new byte[under.size() + over.size()];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < under.size() || j < over.size()) {
            int c = i == under.size() ? 1 : j == over.size() ? -1
                    : CardSerials.compare(under.keys, i * N, over.keys, j * N);
            CardIndex from = c < 0 ? under : over;
            int at = c < 0 ? i : j;
            if (c <= 0) {
                i++;
            }
            if (c >= 0) {
                j++;
            }
            if (dropRemoved && from.codes[at] == REMOVED) {
                continue;
            }
            System.arraycopy(from.keys, at * N, keys, n * N, N);
            codes[n++] = from.codes[at];
        }
        return n == codes.length ? new CardIndex(keys, codes)
                : new CardIndex(java.util.Arrays.copyOf(keys, n * N), java.util.Arrays.copyOf(codes, n));
    }
}
