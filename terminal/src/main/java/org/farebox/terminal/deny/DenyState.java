package org.farebox.terminal.deny;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.farebox.protocol.deny.CardSerials;
import org.farebox.protocol.deny.DeniedCards;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;

/**
 * One immutable version of the terminal's deny list: a large sorted base and a small overlay of the deltas
 * applied since the base was built (folded into a new base when it grows), cards and accounts alike. A delta
 * makes a new state; readers holding the old one are never disturbed.
 */
final class DenyState {
    /** Overlay entries (cards, or accounts) beyond which a delta folds the overlay into a new base. */
    static final int FOLD_AT = 16_384;

    private static final byte REMOVED = CardIndex.REMOVED;

    final long version;
    final boolean local;
    final Instant issuedAt;
    final int cardCount;
    final int accountCount;
    private final CardIndex base;
    private final CardIndex overlay;
    private final Map<String, Byte> accountBase;
    private final Map<String, Byte> accountOverlay;
    /** Free-text reasons of a technician's local list (serial → text); empty for signed lists. */
    final Map<String, String> notes;

    private DenyState(long version, boolean local, Instant issuedAt, CardIndex base, CardIndex overlay, int cardCount,
            Map<String, Byte> accountBase, Map<String, Byte> accountOverlay, int accountCount, Map<String, String> notes) {
        this.version = version;
        this.local = local;
        this.issuedAt = issuedAt;
        this.base = base;
        this.overlay = overlay;
        this.cardCount = cardCount;
        this.accountBase = accountBase;
        this.accountOverlay = accountOverlay;
        this.accountCount = accountCount;
        this.notes = notes;
    }

    /** No list yet: local, version 0, nothing denied. */
    static DenyState empty() {
        return new DenyState(0, true, Instant.EPOCH, CardIndex.EMPTY, CardIndex.EMPTY, 0, Map.of(), Map.of(), 0,
                Map.of());
    }

    static DenyState of(DenyListSnapshot s, boolean local, Map<String, String> notes) {
        CardIndex cards = new CardIndex(s.cards().serials().packed(), s.cards().reasonCodes());
        Map<String, Byte> accounts = new HashMap<>(s.accounts().size() * 2);
        s.accounts().forEach((a, r) -> accounts.put(a, (byte) r.code()));
        return new DenyState(s.version(), local, s.issuedAt(), cards, CardIndex.EMPTY, cards.size(), accounts, Map.of(),
                accounts.size(), Map.copyOf(notes));
    }

    /** The reason code of a card (0: not denied); allocates nothing. */
    int cardCode(String serial) {
        if (!CardSerials.isValid(serial)) {
            return 0;
        }
        return cardCode(CardIndex.high(serial), CardIndex.low(serial));
    }

    private int cardCode(int high, long low) {
        int code = overlay.size() == 0 ? -1 : overlay.code(high, low);
        return code >= 0 ? code : Math.max(0, base.code(high, low));
    }

    /** The reason code of an account (0: not denied); allocates nothing. */
    int accountCode(String account) {
        Byte code = accountOverlay.isEmpty() ? null : accountOverlay.get(account);
        if (code == null) {
            code = accountBase.get(account);
        }
        return code == null ? 0 : code & 0xFF;
    }

    /** The state after {@code d}; a delta that does not fit this state throws and changes nothing. */
    DenyState with(DenyListDelta d) throws DenyListGapException {
        checkBase(d);
        byte[] addedKeys = d.addedCards().serials().packed();
        byte[] addedCodes = d.addedCards().reasonCodes();
        byte[] removedKeys = d.removedCards().packed();
        int cards = cardCount;
        for (int i = 0; i < addedCodes.length; i++) {
            int current = cardCode(CardIndex.highAt(addedKeys, i), CardIndex.lowAt(addedKeys, i));
            if (current == (addedCodes[i] & 0xFF)) {
                throw contradiction(d, "adds card " + d.addedCards().serial(i) + ", already denied with the same reason");
            }
            cards += current == 0 ? 1 : 0;
        }
        for (int i = 0; i < d.removedCards().size(); i++) {
            if (cardCode(CardIndex.highAt(removedKeys, i), CardIndex.lowAt(removedKeys, i)) == 0) {
                throw contradiction(d, "removes card " + d.removedCards().serial(i) + ", which is not denied");
            }
            cards--;
        }
        CardIndex changes = CardIndex.merge(new CardIndex(addedKeys, addedCodes),
                new CardIndex(removedKeys, new byte[d.removedCards().size()]), false);
        CardIndex newOverlay = CardIndex.merge(overlay, changes, false);
        CardIndex newBase = base;
        if (newOverlay.size() > FOLD_AT) {
            newBase = CardIndex.merge(base, newOverlay, true);
            newOverlay = CardIndex.EMPTY;
        }

        int accounts = accountCount;
        Map<String, Byte> newAccountOverlay = new HashMap<>(accountOverlay);
        for (Map.Entry<String, DenyReason> e : d.addedAccounts().entrySet()) {
            int current = accountCode(e.getKey());
            if (current == e.getValue().code()) {
                throw contradiction(d, "adds account " + e.getKey() + ", already denied with the same reason");
            }
            accounts += current == 0 ? 1 : 0;
            newAccountOverlay.put(e.getKey(), (byte) e.getValue().code());
        }
        for (String a : d.removedAccounts()) {
            if (accountCode(a) == 0) {
                throw contradiction(d, "removes account " + a + ", which is not denied");
            }
            accounts--;
            newAccountOverlay.put(a, REMOVED);
        }
        Map<String, Byte> newAccountBase = accountBase;
        if (newAccountOverlay.size() > FOLD_AT) {
            newAccountBase = foldAccounts(accountBase, newAccountOverlay);
            newAccountOverlay = Map.of();
        }
        return new DenyState(d.version(), false, d.issuedAt(), newBase, newOverlay, cards, newAccountBase,
                newAccountOverlay, accounts, Map.of());
    }

    private void checkBase(DenyListDelta d) throws DenyListGapException {
        if (local) {
            throw new DenyListGapException(version, d.version(), false, "delta v" + d.version() + " cannot apply to "
                    + "the local deny list (loaded on the terminal, not signed); a signed snapshot must come first");
        }
        if (d.baseVersion() != version) {
            boolean stale = d.version() <= version;
            throw new DenyListGapException(version, d.version(), stale, stale
                    ? "delta v" + d.version() + " is not newer than the deny list (v" + version + "): already applied"
                    : "gap: delta v" + d.version() + " is based on v" + d.baseVersion() + " but the terminal holds v"
                            + version + "; load the snapshot");
        }
    }

    private DenyListGapException contradiction(DenyListDelta d, String what) {
        return new DenyListGapException(version, d.version(), false, "delta v" + d.version() + " " + what + " in v"
                + version + ": the terminal's list differs from the operator's; load the snapshot");
    }

    private static Map<String, Byte> foldAccounts(Map<String, Byte> base, Map<String, Byte> overlay) {
        Map<String, Byte> folded = new HashMap<>(base);
        overlay.forEach((a, code) -> {
            if (code == REMOVED) {
                folded.remove(a);
            } else {
                folded.put(a, code);
            }
        });
        return folded;
    }

    /** The whole list as a snapshot, overlays folded in. */
    DenyListSnapshot toSnapshot() {
        CardIndex cards = overlay.size() == 0 ? base : CardIndex.merge(base, overlay, true);
        Map<String, DenyReason> accounts = new HashMap<>();
        foldAccounts(accountBase, accountOverlay).forEach((a, code) -> accounts.put(a, DenyReason.ofCode(code & 0xFF)));
        return new DenyListSnapshot(version, issuedAt, DeniedCards.fromPacked(cards.keys(), cards.codes()), accounts);
    }

    /** True if this state denies exactly what {@code s} denies, with the same reasons (versions aside). */
    boolean sameEntries(DenyListSnapshot s) {
        DenyListSnapshot mine = toSnapshot();
        return mine.cards().equals(s.cards()) && mine.accounts().equals(s.accounts());
    }
}
