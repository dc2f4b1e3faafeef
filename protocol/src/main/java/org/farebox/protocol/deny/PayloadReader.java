package org.farebox.protocol.deny;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a deny-list payload front to back; every read checks the bytes left first. */
final class PayloadReader {
    private final byte[] in;
    private final int maxEntries;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private long entries;

    PayloadReader(byte[] in, int maxEntries) {
        this.in = in;
        this.maxEntries = maxEntries;
    }

    int remaining() {
        return in.length - pos;
    }

    private void need(long n, String what) throws DenyListFormatException {
        if (n > remaining()) {
            throw new DenyListFormatException("truncated: " + what + " needs " + n + " bytes at offset " + pos
                    + ", only " + remaining() + " left");
        }
    }

    int u8(String what) throws DenyListFormatException {
        need(1, what);
        return in[pos++] & 0xFF;
    }

    long s64(String what) throws DenyListFormatException {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (in[pos++] & 0xFF);
        }
        return v;
    }

    /** A version number: an unsigned 64-bit field whose top bit must be clear. */
    long version(String what) throws DenyListFormatException {
        int at = pos;
        long v = s64(what);
        if (v < 0) {
            throw new DenyListFormatException(what + " at offset " + at + " is above 2^63-1");
        }
        return v;
    }

    byte[] bytes(int n, String what) throws DenyListFormatException {
        need(n, what);
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    /**
     * A section's entry count: it must fit the entry limit and the bytes left at {@code minEntryBytes} per
     * entry, so a forged count fails here, before anything is allocated for it.
     */
    int count(String section, int minEntryBytes) throws DenyListFormatException {
        need(4, section + " count");
        int at = pos;
        long count = 0;
        for (int i = 0; i < 4; i++) {
            count = count << 8 | (in[pos++] & 0xFF);
        }
        if (entries + count > maxEntries) {
            throw new DenyListFormatException(section + " count " + count + " at offset " + at + " takes the payload "
                    + "over its limit of " + maxEntries + " entries");
        }
        if (count * minEntryBytes > remaining()) {
            throw new DenyListFormatException("truncated: " + section + " count " + count + " at offset " + at
                    + " needs at least " + count * minEntryBytes + " bytes, only " + remaining() + " left");
        }
        entries += count;
        return (int) count;
    }

    DeniedCards cards(String section) throws DenyListFormatException {
        int n = count(section, CardSerials.BYTES + 1);
        byte[] keys = new byte[n * CardSerials.BYTES];
        byte[] reasons = new byte[n];
        int start = pos;
        for (int i = 0; i < n; i++) {
            System.arraycopy(in, pos, keys, i * CardSerials.BYTES, CardSerials.BYTES);
            reasons[i] = in[pos + CardSerials.BYTES];
            pos += CardSerials.BYTES + 1;
        }
        check(section, start, SortedSerials.problem(keys, keys.length));
        check(section, start, DeniedCards.reasonProblem(reasons, n, n));
        return DeniedCards.trusted(keys, reasons);
    }

    SortedSerials serials(String section) throws DenyListFormatException {
        int n = count(section, CardSerials.BYTES);
        int start = pos;
        byte[] keys = bytes(n * CardSerials.BYTES, section);
        check(section, start, SortedSerials.problem(keys, keys.length));
        return SortedSerials.trusted(keys);
    }

    SortedMap<String, DenyReason> accounts(String section) throws DenyListFormatException {
        int n = count(section, 3);
        TreeMap<String, DenyReason> accounts = new TreeMap<>(AccountIds.ORDER);
        byte[] previous = null;
        for (int i = 0; i < n; i++) {
            byte[] raw = accountBytes(section, i, previous);
            int code = u8(section + " reason");
            if (!DenyReason.isKnown(code)) {
                throw new DenyListFormatException(section + " entry " + i + " has unknown reason code " + code);
            }
            accounts.put(account(raw, section, i), DenyReason.ofCode(code));
            previous = raw;
        }
        return accounts;
    }

    SortedSet<String> accountIds(String section) throws DenyListFormatException {
        int n = count(section, 2);
        TreeSet<String> accounts = new TreeSet<>(AccountIds.ORDER);
        byte[] previous = null;
        for (int i = 0; i < n; i++) {
            byte[] raw = accountBytes(section, i, previous);
            accounts.add(account(raw, section, i));
            previous = raw;
        }
        return accounts;
    }

    private byte[] accountBytes(String section, int i, byte[] previous) throws DenyListFormatException {
        int at = pos;
        int len = u8(section + " length");
        if (len == 0 || len > AccountIds.MAX_BYTES) {
            throw new DenyListFormatException(section + " entry " + i + " at offset " + at + " has length " + len
                    + " (1.." + AccountIds.MAX_BYTES + ")");
        }
        byte[] raw = bytes(len, section + " entry " + i);
        if (previous != null && Arrays.compareUnsigned(previous, raw) >= 0) {
            throw new DenyListFormatException(section + " entry " + i + " at offset " + at + " is "
                    + (Arrays.equals(previous, raw) ? "a duplicate" : "out of order: entries must be in ascending order"));
        }
        return raw;
    }

    private String account(byte[] raw, String section, int i) throws DenyListFormatException {
        String account;
        try {
            account = utf8.decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new DenyListFormatException(section + " entry " + i + " is not UTF-8");
        }
        String problem = AccountIds.problem(account);
        if (problem != null) {
            throw new DenyListFormatException(section + " entry " + i + ": " + problem);
        }
        return account;
    }

    void end() throws DenyListFormatException {
        if (remaining() != 0) {
            throw new DenyListFormatException(remaining() + " unexpected bytes after the last section at offset " + pos);
        }
    }

    private static void check(String section, int offset, String problem) throws DenyListFormatException {
        if (problem != null) {
            throw new DenyListFormatException(section + " (from offset " + offset + "): " + problem);
        }
    }
}
