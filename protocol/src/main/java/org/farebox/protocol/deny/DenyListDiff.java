package org.farebox.protocol.deny;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The delta between two consecutive snapshots, as the operator publishes it next to the newer snapshot. */
public final class DenyListDiff {
    private DenyListDiff() {
    }

    /**
     * The delta that turns {@code older} into {@code newer}, issued when {@code newer} was. Cards and accounts
     * whose reason changed are in the added sections with their new reason. {@code newer} must be version
     * {@code older.version() + 1}, else IllegalArgumentException.
     */
    public static DenyListDelta between(DenyListSnapshot older, DenyListSnapshot newer) {
        if (newer.version() != older.version() + 1) {
            throw new IllegalArgumentException("a delta joins consecutive versions; v" + older.version() + " and v"
                    + newer.version() + " are not");
        }
        CardChanges cards = cards(older.cards(), newer.cards());
        Map<String, DenyReason> addedAccounts = new HashMap<>();
        List<String> removedAccounts = new ArrayList<>();
        newer.accounts().forEach((a, r) -> {
            if (r != older.accounts().get(a)) {
                addedAccounts.put(a, r);
            }
        });
        older.accounts().keySet().forEach(a -> {
            if (!newer.accounts().containsKey(a)) {
                removedAccounts.add(a);
            }
        });
        return new DenyListDelta(newer.version(), newer.issuedAt(), cards.added, cards.removed, addedAccounts,
                removedAccounts);
    }

    private record CardChanges(DeniedCards added, SortedSerials removed) {
    }

    /** One merge walk over both sorted lists. */
    private static CardChanges cards(DeniedCards older, DeniedCards newer) {
        byte[] oldKeys = older.serials().keysNoCopy();
        byte[] newKeys = newer.serials().keysNoCopy();
        byte[] oldReasons = older.reasonsNoCopy();
        byte[] newReasons = newer.reasonsNoCopy();
        ByteArrayOutputStream addedKeys = new ByteArrayOutputStream();
        ByteArrayOutputStream addedReasons = new ByteArrayOutputStream();
        ByteArrayOutputStream removedKeys = new ByteArrayOutputStream();
        int i = 0;
        int j = 0;
        int n = CardSerials.BYTES;
        while (i < oldReasons.length || j < newReasons.length) {
            int c = i == oldReasons.length ? 1 : j == newReasons.length ? -1
                    : CardSerials.compare(oldKeys, i * n, newKeys, j * n);
            if (c < 0) {
                removedKeys.write(oldKeys, i++ * n, n);
            } else if (c > 0) {
                addedKeys.write(newKeys, j * n, n);
                addedReasons.write(newReasons[j++]);
            } else {
                if (oldReasons[i] != newReasons[j]) {
                    addedKeys.write(newKeys, j * n, n);
                    addedReasons.write(newReasons[j]);
                }
                i++;
                j++;
            }
        }
        return new CardChanges(DeniedCards.trusted(addedKeys.toByteArray(), addedReasons.toByteArray()),
                SortedSerials.trusted(removedKeys.toByteArray()));
    }

    /** The snapshot {@code delta} makes of {@code base}; for the operator's tools and tests, not the terminal. */
    public static DenyListSnapshot apply(DenyListSnapshot base, DenyListDelta delta) {
        if (delta.baseVersion() != base.version()) {
            throw new IllegalArgumentException(delta + " does not apply to v" + base.version());
        }
        Map<String, DenyReason> cards = new HashMap<>();
        for (int i = 0; i < base.cards().size(); i++) {
            cards.put(base.cards().serial(i), base.cards().reason(i));
        }
        for (int i = 0; i < delta.removedCards().size(); i++) {
            cards.remove(delta.removedCards().serial(i));
        }
        for (int i = 0; i < delta.addedCards().size(); i++) {
            cards.put(delta.addedCards().serial(i), delta.addedCards().reason(i));
        }
        Map<String, DenyReason> accounts = new HashMap<>(base.accounts());
        delta.removedAccounts().forEach(accounts::remove);
        accounts.putAll(delta.addedAccounts());
        return new DenyListSnapshot(delta.version(), delta.issuedAt(), DeniedCards.of(cards), accounts);
    }
}
