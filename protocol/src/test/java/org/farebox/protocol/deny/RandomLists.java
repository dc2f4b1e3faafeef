package org.farebox.protocol.deny;

import java.time.Instant;
import java.util.Random;

/** Seeded random deny lists for property-style tests. */
final class RandomLists {
    private static final DenyReason[] REASONS = DenyReason.values();
    private static final String[] ACCOUNT_ALPHABET = {"a", "Z", "0", "-", "é", "中", "\uD83D\uDE8C", "_"};

    private RandomLists() {
    }

    static String serial(Random r, int spread) {
        return String.format("3104%016d", (long) r.nextInt(spread));
    }

    static String account(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(ACCOUNT_ALPHABET[r.nextInt(ACCOUNT_ALPHABET.length)]);
        }
        return sb.toString();
    }

    static DenyReason reason(Random r) {
        return REASONS[r.nextInt(REASONS.length)];
    }

    static DenyListSnapshot snapshot(Random r, long version, int cards, int accounts) {
        DenyListSnapshot.Builder b = DenyListSnapshot.builder(version, Instant.ofEpochMilli(1_700_000_000_000L + version));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (seen.size() < cards) {
            String s = serial(r, cards * 4);
            if (seen.add(s)) {
                b.card(s, reason(r));
            }
        }
        java.util.Set<String> seenAccounts = new java.util.HashSet<>();
        while (seenAccounts.size() < accounts) {
            String a = account(r);
            if (seenAccounts.add(a)) {
                b.account(a, reason(r));
            }
        }
        return b.build();
    }
}
