package org.farebox.protocol.deny;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** An immutable list of denied cards: packed serials in ascending order, each with its reason. */
public final class DeniedCards {
    static final DeniedCards EMPTY = new DeniedCards(SortedSerials.EMPTY, new byte[0]);

    private final SortedSerials serials;
    private final byte[] reasons;

    private DeniedCards(SortedSerials serials, byte[] reasons) {
        this.serials = serials;
        this.reasons = reasons;
    }

    /** The cards of {@code reasons} (serial → reason, any order); an invalid serial throws IllegalArgumentException. */
    public static DeniedCards of(Map<String, DenyReason> reasons) {
        SortedSerials serials = SortedSerials.of(reasons.keySet());
        byte[] codes = new byte[serials.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) reasons.get(serials.serial(i)).code();
        }
        return new DeniedCards(serials, codes);
    }

    /**
     * Copies already packed serials (ascending) and their reason codes; anything invalid throws
     * IllegalArgumentException. This is how a store holding packed arrays exports them without sorting.
     */
    public static DeniedCards fromPacked(byte[] packedSerials, byte[] reasonCodes) {
        SortedSerials serials = SortedSerials.fromPacked(packedSerials);
        String problem = reasonProblem(reasonCodes, reasonCodes.length, serials.size());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new DeniedCards(serials, reasonCodes.clone());
    }

    static DeniedCards trusted(byte[] packedSerials, byte[] reasonCodes) {
        return new DeniedCards(SortedSerials.trusted(packedSerials), reasonCodes);
    }

    static String reasonProblem(byte[] codes, int length, int expected) {
        if (length != expected) {
            return expected + " serials but " + length + " reasons";
        }
        for (int i = 0; i < length; i++) {
            if (!DenyReason.isKnown(codes[i] & 0xFF)) {
                return "card entry " + i + " has unknown reason code " + (codes[i] & 0xFF);
            }
        }
        return null;
    }

    public int size() {
        return serials.size();
    }

    public SortedSerials serials() {
        return serials;
    }

    /** The serial at {@code index}, as 20 digits. */
    public String serial(int index) {
        return serials.serial(index);
    }

    public DenyReason reason(int index) {
        java.util.Objects.checkIndex(index, reasons.length);
        return DenyReason.ofCode(reasons[index] & 0xFF);
    }

    /** The reason {@code serial} is denied, or empty if it is not in the list. */
    public Optional<DenyReason> reasonOf(String serial) {
        int i = serials.indexOf(serial);
        return i < 0 ? Optional.empty() : Optional.of(reason(i));
    }

    /** A copy of the reason codes, one byte per card in serial order. */
    public byte[] reasonCodes() {
        return reasons.clone();
    }

    byte[] reasonsNoCopy() {
        return reasons;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeniedCards d && serials.equals(d.serials) && Arrays.equals(reasons, d.reasons);
    }

    @Override
    public int hashCode() {
        return 31 * serials.hashCode() + Arrays.hashCode(reasons);
    }

    @Override
    public String toString() {
        return size() + " denied cards";
    }
}
