package org.farebox.protocol.deny;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A whole deny list at one version: denied cards and denied accounts with their reasons. Immutable. The
 * binary form ({@link #encode()}, {@link #decode(byte[])}) is described in {@link DenyListCodec}.
 */
public final class DenyListSnapshot {
    private final long version;
    private final Instant issuedAt;
    private final DeniedCards cards;
    private final SortedMap<String, DenyReason> accounts;

    /** A snapshot; a negative version or an invalid account id throws IllegalArgumentException. */
    public DenyListSnapshot(long version, Instant issuedAt, DeniedCards cards, Map<String, DenyReason> accounts) {
        if (version < 0) {
            throw new IllegalArgumentException("a deny-list version is never negative: " + version);
        }
        this.version = version;
        this.issuedAt = Instant.ofEpochMilli(issuedAt.toEpochMilli());
        this.cards = Objects.requireNonNull(cards, "cards");
        this.accounts = sortedAccounts(accounts);
    }

    static SortedMap<String, DenyReason> sortedAccounts(Map<String, DenyReason> accounts) {
        TreeMap<String, DenyReason> sorted = new TreeMap<>(AccountIds.ORDER);
        accounts.forEach((a, r) -> sorted.put(AccountIds.require(a), Objects.requireNonNull(r, "reason of " + a)));
        return Collections.unmodifiableSortedMap(sorted);
    }

    /** Collects entries in any order; {@link Builder#build()} sorts them. */
    public static Builder builder(long version, Instant issuedAt) {
        return new Builder(version, issuedAt);
    }

    /** Decodes a snapshot of at most {@link DenyListCodec#DEFAULT_MAX_ENTRIES} entries. */
    public static DenyListSnapshot decode(byte[] payload) throws DenyListFormatException {
        return decode(payload, DenyListCodec.DEFAULT_MAX_ENTRIES);
    }

    /** Decodes a snapshot of at most {@code maxEntries} entries (cards and accounts together). */
    public static DenyListSnapshot decode(byte[] payload, int maxEntries) throws DenyListFormatException {
        return DenyListCodec.decodeSnapshot(payload, maxEntries);
    }

    public byte[] encode() {
        return DenyListCodec.encode(this);
    }

    public long version() {
        return version;
    }

    /** When the operator issued this list (millisecond precision). */
    public Instant issuedAt() {
        return issuedAt;
    }

    public DeniedCards cards() {
        return cards;
    }

    /** Denied accounts in code point order; unmodifiable. */
    public SortedMap<String, DenyReason> accounts() {
        return accounts;
    }

    /** Cards and accounts together. */
    public int entryCount() {
        return cards.size() + accounts.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenyListSnapshot s && version == s.version && issuedAt.equals(s.issuedAt)
                && cards.equals(s.cards) && accounts.equals(s.accounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, issuedAt, cards, accounts);
    }

    @Override
    public String toString() {
        return "deny list v" + version + " issued " + issuedAt + ": " + cards.size() + " cards, " + accounts.size()
                + " accounts";
    }

    /** Collects a snapshot's entries; a card or account given twice is an error. */
    public static final class Builder {
        private final long version;
        private final Instant issuedAt;
        private final Map<String, DenyReason> cards = new HashMap<>();
        private final Map<String, DenyReason> accounts = new HashMap<>();

        private Builder(long version, Instant issuedAt) {
            this.version = version;
            this.issuedAt = issuedAt;
        }

        public Builder card(String serial, DenyReason reason) {
            if (!CardSerials.isValid(serial)) {
                throw new IllegalArgumentException("a card serial must be 20 decimal digits: '"
                        + CardSerials.abbreviate(serial) + "'");
            }
            if (cards.putIfAbsent(serial, Objects.requireNonNull(reason, "reason")) != null) {
                throw new IllegalArgumentException("card " + serial + " is listed twice");
            }
            return this;
        }

        public Builder account(String account, DenyReason reason) {
            if (accounts.putIfAbsent(AccountIds.require(account), Objects.requireNonNull(reason, "reason")) != null) {
                throw new IllegalArgumentException("account " + account + " is listed twice");
            }
            return this;
        }

        public DenyListSnapshot build() {
            return new DenyListSnapshot(version, issuedAt, DeniedCards.of(cards), accounts);
        }
    }
}
