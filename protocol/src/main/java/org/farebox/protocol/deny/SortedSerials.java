package org.farebox.protocol.deny;

import java.util.Arrays;
import java.util.Collection;

/** An immutable set of card serials, packed (10 BCD bytes each) in strictly ascending order. */
public final class SortedSerials {
    static final SortedSerials EMPTY = new SortedSerials(new byte[0]);

    private final byte[] keys;

    private SortedSerials(byte[] keys) {
        this.keys = keys;
    }

    /** The serials of {@code serials} (any order); an invalid or repeated serial throws IllegalArgumentException. */
    public static SortedSerials of(Collection<String> serials) {
        String[] sorted = serials.toArray(new String[0]);
        Arrays.sort(sorted); // 20-digit strings sort as their packed form does
        byte[] keys = new byte[sorted.length * CardSerials.BYTES];
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && sorted[i].equals(sorted[i - 1])) {
                throw new IllegalArgumentException("card " + sorted[i] + " is listed twice");
            }
            CardSerials.pack(sorted[i], keys, i * CardSerials.BYTES);
        }
        return new SortedSerials(keys);
    }

    /**
     * Wraps a copy of already packed serials; anything but valid BCD in strictly ascending order throws
     * IllegalArgumentException.
     */
    public static SortedSerials fromPacked(byte[] packed) {
        String problem = problem(packed, packed.length);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new SortedSerials(packed.clone());
    }

    /** Wraps {@code packed} without a copy after the decoder has checked it. */
    static SortedSerials trusted(byte[] packed) {
        return new SortedSerials(packed);
    }

    /** What is wrong with the first {@code length} bytes of {@code packed}, or null if they are a valid set. */
    static String problem(byte[] packed, int length) {
        if (length % CardSerials.BYTES != 0) {
            return "packed serials must be a multiple of " + CardSerials.BYTES + " bytes, not " + length;
        }
        for (int off = 0; off < length; off += CardSerials.BYTES) {
            if (!CardSerials.isValidBcd(packed, off)) {
                return "card entry " + off / CardSerials.BYTES + " is not a BCD serial";
            }
            if (off > 0 && CardSerials.compare(packed, off - CardSerials.BYTES, packed, off) >= 0) {
                return "card entry " + off / CardSerials.BYTES + " (" + CardSerials.unpack(packed, off) + ") is "
                        + (CardSerials.compare(packed, off - CardSerials.BYTES, packed, off) == 0 ? "a duplicate"
                                : "out of order: entries must be in ascending order");
            }
        }
        return null;
    }

    public int size() {
        return keys.length / CardSerials.BYTES;
    }

    /** The serial at {@code index} (0-based, ascending order), as 20 digits. */
    public String serial(int index) {
        return CardSerials.unpack(keys, checkIndex(index) * CardSerials.BYTES);
    }

    /** The index of {@code serial}, or a negative number if it is not in the set. */
    public int indexOf(String serial) {
        if (!CardSerials.isValid(serial)) {
            return -1;
        }
        byte[] key = CardSerials.pack(serial);
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = CardSerials.compare(keys, mid * CardSerials.BYTES, key, 0);
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

    public boolean contains(String serial) {
        return indexOf(serial) >= 0;
    }

    /** A copy of the packed serials, {@code 10 * size()} bytes. */
    public byte[] packed() {
        return keys.clone();
    }

    /** Copies the packed serials into {@code dst} at {@code off}. */
    public void copyPacked(byte[] dst, int off) {
        System.arraycopy(keys, 0, dst, off, keys.length);
    }

    byte[] keysNoCopy() {
        return keys;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("card index " + index + " of " + size());
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortedSerials s && Arrays.equals(keys, s.keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        return size() + " card serials";
    }
}
