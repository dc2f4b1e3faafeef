package org.farebox.protocol.deny;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The binary deny-list payload, version 1 (big-endian throughout; docs/denylist-format.md has the same):
 *
 * <pre>
 * header   magic "FBDL" (4) | format 0x01 (1) | kind (1): 0x01 snapshot, 0x02 delta
 *          version (8, unsigned, top bit clear) | [delta only: base version (8) = version - 1]
 *          issued at (8, signed Unix epoch milliseconds)
 * snapshot cards:    count (4) + count x (serial 10 BCD bytes | reason 1)
 *          accounts: count (4) + count x (length 1 (1..64) | UTF-8 bytes | reason 1)
 * delta    added cards (as snapshot cards) | removed cards: count (4) + count x serial (10)
 *          added accounts (as snapshot accounts) | removed accounts: count (4) + count x (length 1 | UTF-8)
 * </pre>
 *
 * Every section is in strictly ascending order (serials and UTF-8 bytes compared unsigned), so a payload has
 * exactly one encoding; reason codes are {@link DenyReason}'s; nothing may follow the last section. A decoder
 * refuses, with {@link DenyListFormatException}, any payload breaking a rule, or holding more entries in all
 * than its limit; counts are checked against the bytes left before anything is allocated for them.
 */
public final class DenyListCodec {
    /** Entries (cards and accounts, all sections) a payload may hold unless the caller says otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 2_000_000;

    static final byte[] MAGIC = {'F', 'B', 'D', 'L'};
    static final int FORMAT = 1;
    private static final int HEADER = MAGIC.length + 2;

    /** What a payload holds. */
    public enum Kind {
        SNAPSHOT(1), DELTA(2);

        private final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    private DenyListCodec() {
    }

    /** The kind of {@code payload}, from its header alone; a payload without a valid header throws. */
    public static Kind kindOf(byte[] payload) throws DenyListFormatException {
        return header(new PayloadReader(payload, 0));
    }

    static byte[] encode(DenyListSnapshot s) {
        List<byte[]> accounts = utf8(s.accounts().keySet());
        ByteBuffer out = ByteBuffer.allocate(HEADER + 16 + cardsLength(s.cards()) + accountsLength(accounts, true));
        header(out, Kind.SNAPSHOT);
        out.putLong(s.version()).putLong(s.issuedAt().toEpochMilli());
        cards(out, s.cards());
        accounts(out, accounts, s.accounts());
        return out.array();
    }

    static byte[] encode(DenyListDelta d) {
        List<byte[]> added = utf8(d.addedAccounts().keySet());
        List<byte[]> removed = utf8(d.removedAccounts());
        ByteBuffer out = ByteBuffer.allocate(HEADER + 24 + cardsLength(d.addedCards())
                + 4 + d.removedCards().size() * CardSerials.BYTES + accountsLength(added, true)
                + accountsLength(removed, false));
        header(out, Kind.DELTA);
        out.putLong(d.version()).putLong(d.baseVersion()).putLong(d.issuedAt().toEpochMilli());
        cards(out, d.addedCards());
        out.putInt(d.removedCards().size()).put(d.removedCards().keysNoCopy());
        accounts(out, added, d.addedAccounts());
        accountIds(out, removed);
        return out.array();
    }

    static DenyListSnapshot decodeSnapshot(byte[] payload, int maxEntries) throws DenyListFormatException {
        PayloadReader in = new PayloadReader(payload, maxEntries);
        expect(in, Kind.SNAPSHOT);
        long version = in.version("version");
        Instant issued = Instant.ofEpochMilli(in.s64("issued time"));
        DeniedCards cards = in.cards("cards");
        SortedMap<String, DenyReason> accounts = in.accounts("accounts");
        in.end();
        return new DenyListSnapshot(version, issued, cards, accounts);
    }

    static DenyListDelta decodeDelta(byte[] payload, int maxEntries) throws DenyListFormatException {
        PayloadReader in = new PayloadReader(payload, maxEntries);
        expect(in, Kind.DELTA);
        long version = in.version("version");
        long base = in.version("base version");
        if (version == 0 || base != version - 1) {
            throw new DenyListFormatException("delta version " + version + " has base version " + base
                    + "; a delta must be based on the version just before its own");
        }
        Instant issued = Instant.ofEpochMilli(in.s64("issued time"));
        DeniedCards added = in.cards("added cards");
        SortedSerials removed = in.serials("removed cards");
        SortedMap<String, DenyReason> addedAccounts = in.accounts("added accounts");
        SortedSet<String> removedAccounts = in.accountIds("removed accounts");
        in.end();
        try {
            return new DenyListDelta(version, issued, added, removed, addedAccounts, removedAccounts);
        } catch (IllegalArgumentException e) {
            throw new DenyListFormatException(e.getMessage());
        }
    }

    private static void expect(PayloadReader in, Kind kind) throws DenyListFormatException {
        Kind found = header(in);
        if (found != kind) {
            throw new DenyListFormatException("a deny-list " + found.name().toLowerCase() + " where a "
                    + kind.name().toLowerCase() + " was expected");
        }
    }

    private static Kind header(PayloadReader in) throws DenyListFormatException {
        if (in.remaining() < HEADER) {
            throw new DenyListFormatException("truncated: " + in.remaining() + " bytes, not even a deny-list header");
        }
        for (byte m : MAGIC) {
            if (in.u8("magic") != (m & 0xFF)) {
                throw new DenyListFormatException("not a deny-list payload (magic is not \"FBDL\")");
            }
        }
        int format = in.u8("format");
        if (format != FORMAT) {
            throw new DenyListFormatException("deny-list format " + format + " is not known (this software reads "
                    + FORMAT + ")");
        }
        int kind = in.u8("kind");
        for (Kind k : Kind.values()) {
            if (k.code == kind) {
                return k;
            }
        }
        throw new DenyListFormatException("unknown deny-list payload kind " + kind + " (1 snapshot, 2 delta)");
    }

    private static void header(ByteBuffer out, Kind kind) {
        out.put(MAGIC).put((byte) FORMAT).put((byte) kind.code);
    }

    private static int cardsLength(DeniedCards cards) {
        return 4 + cards.size() * (CardSerials.BYTES + 1);
    }

    private static void cards(ByteBuffer out, DeniedCards cards) {
        byte[] keys = cards.serials().keysNoCopy();
        byte[] reasons = cards.reasonsNoCopy();
        out.putInt(cards.size());
        for (int i = 0; i < reasons.length; i++) {
            out.put(keys, i * CardSerials.BYTES, CardSerials.BYTES).put(reasons[i]);
        }
    }

    private static List<byte[]> utf8(Collection<String> accounts) {
        List<byte[]> out = new ArrayList<>(accounts.size());
        accounts.forEach(a -> out.add(AccountIds.utf8(a)));
        return out;
    }

    private static int accountsLength(List<byte[]> accounts, boolean withReason) {
        int n = 4;
        for (byte[] a : accounts) {
            n += 1 + a.length + (withReason ? 1 : 0);
        }
        return n;
    }

    /** Writes the accounts in the map's order (code point order, the same as their UTF-8 bytes'). */
    private static void accounts(ByteBuffer out, List<byte[]> utf8, Map<String, DenyReason> reasons) {
        out.putInt(utf8.size());
        int i = 0;
        for (DenyReason r : reasons.values()) {
            byte[] a = utf8.get(i++);
            out.put((byte) a.length).put(a).put((byte) r.code());
        }
    }

    private static void accountIds(ByteBuffer out, List<byte[]> utf8) {
        out.putInt(utf8.size());
        for (byte[] a : utf8) {
            out.put((byte) a.length).put(a);
        }
    }
}
