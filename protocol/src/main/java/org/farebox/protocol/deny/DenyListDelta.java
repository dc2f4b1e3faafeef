package org.farebox.protocol.deny;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The change from deny list {@code version - 1} to {@code version}: cards and accounts added (or given a new
 * reason) and removed. Immutable; a delta applies only on top of exactly its base version. The binary form is
 * described in {@link DenyListCodec}.
 */
public final class DenyListDelta {
    private final long version;
    private final Instant issuedAt;
    private final DeniedCards addedCards;
    private final SortedSerials removedCards;
    private final SortedMap<String, DenyReason> addedAccounts;
    private final SortedSet<String> removedAccounts;

    /**
     * A delta; a version below 1, an invalid account id, or an entry both added and removed throws
     * IllegalArgumentException.
     */
    public DenyListDelta(long version, Instant issuedAt, DeniedCards addedCards, SortedSerials removedCards,
            Map<String, DenyReason> addedAccounts, Collection<String> removedAccounts) {
        if (version < 1) {
            throw new IllegalArgumentException("a delta's version is at least 1 (its base is version - 1): " + version);
        }
        this.version = version;
        this.issuedAt = Instant.ofEpochMilli(issuedAt.toEpochMilli());
        this.addedCards = Objects.requireNonNull(addedCards, "addedCards");
        this.removedCards = Objects.requireNonNull(removedCards, "removedCards");
        this.addedAccounts = DenyListSnapshot.sortedAccounts(addedAccounts);
        TreeSet<String> removed = new TreeSet<>(AccountIds.ORDER);
        removedAccounts.forEach(a -> removed.add(AccountIds.require(a)));
        this.removedAccounts = Collections.unmodifiableSortedSet(removed);
        for (int i = 0; i < removedCards.size(); i++) {
            if (addedCards.serials().contains(removedCards.serial(i))) {
                throw new IllegalArgumentException("card " + removedCards.serial(i) + " is both added and removed");
            }
        }
        for (String a : removed) {
            if (this.addedAccounts.containsKey(a)) {
                throw new IllegalArgumentException("account " + a + " is both added and removed");
            }
        }
    }

    /** Collects the changes in any order; {@link Builder#build()} sorts them. */
    public static Builder builder(long version, Instant issuedAt) {
        return new Builder(version, issuedAt);
    }

    /** Decodes a delta of at most {@link DenyListCodec#DEFAULT_MAX_ENTRIES} entries. */
    public static DenyListDelta decode(byte[] payload) throws DenyListFormatException {
        return decode(payload, DenyListCodec.DEFAULT_MAX_ENTRIES);
    }

    /** Decodes a delta of at most {@code maxEntries} entries (all four sections together). */
    public static DenyListDelta decode(byte[] payload, int maxEntries) throws DenyListFormatException {
        return DenyListCodec.decodeDelta(payload, maxEntries);
    }

    public byte[] encode() {
        return DenyListCodec.encode(this);
    }

    public long version() {
        return version;
    }

    /** The version this delta applies to: always {@code version() - 1}. */
    public long baseVersion() {
        return version - 1;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** Cards newly denied, or denied with a new reason. */
    public DeniedCards addedCards() {
        return addedCards;
    }

    public SortedSerials removedCards() {
        return removedCards;
    }

    public SortedMap<String, DenyReason> addedAccounts() {
        return addedAccounts;
    }

    public SortedSet<String> removedAccounts() {
        return removedAccounts;
    }

    /** Entries in all four sections. */
    public int entryCount() {
        return addedCards.size() + removedCards.size() + addedAccounts.size() + removedAccounts.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenyListDelta d && version == d.version && issuedAt.equals(d.issuedAt)
                && addedCards.equals(d.addedCards) && removedCards.equals(d.removedCards)
                && addedAccounts.equals(d.addedAccounts) && removedAccounts.equals(d.removedAccounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, issuedAt, addedCards, removedCards, addedAccounts, removedAccounts);
    }

    @Override
    public String toString() {
        return "deny list delta v" + baseVersion() + " -> v" + version + ": +" + addedCards.size() + "/-"
                + removedCards.size() + " cards, +" + addedAccounts.size() + "/-" + removedAccounts.size() + " accounts";
    }

    /** Collects a delta's changes; the same card or account given twice is an error. */
    public static final class Builder {
        private final long version;
        private final Instant issuedAt;
        private final Map<String, DenyReason> addedCards = new HashMap<>();
        private final Set<String> removedCards = new HashSet<>();
        private final Map<String, DenyReason> addedAccounts = new HashMap<>();
        private final Set<String> removedAccounts = new HashSet<>();

        private Builder(long version, Instant issuedAt) {
            this.version = version;
            this.issuedAt = issuedAt;
        }

        public Builder addCard(String serial, DenyReason reason) {
            if (removedCards.contains(serial) || addedCards.putIfAbsent(serial, Objects.requireNonNull(reason)) != null) {
                throw new IllegalArgumentException("card " + serial + " is listed twice");
            }
            return this;
        }

        public Builder removeCard(String serial) {
            if (addedCards.containsKey(serial) || !removedCards.add(serial)) {
                throw new IllegalArgumentException("card " + serial + " is listed twice");
            }
            return this;
        }

        public Builder addAccount(String account, DenyReason reason) {
            if (removedAccounts.contains(account)
                    || addedAccounts.putIfAbsent(account, Objects.requireNonNull(reason)) != null) {
                throw new IllegalArgumentException("account " + account + " is listed twice");
            }
            return this;
        }

        public Builder removeAccount(String account) {
            if (addedAccounts.containsKey(account) || !removedAccounts.add(account)) {
                throw new IllegalArgumentException("account " + account + " is listed twice");
            }
            return this;
        }

        public DenyListDelta build() {
            return new DenyListDelta(version, issuedAt, DeniedCards.of(addedCards), SortedSerials.of(removedCards),
                    addedAccounts, removedAccounts);
        }
    }
}
