package org.farebox.protocol.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenyListDiffTest {

    @Test
    void olderPlusTheDiffIsTheNewerSnapshot() {
        Random random = new Random(23);
        for (int round = 0; round < 40; round++) {
            DenyListSnapshot older = RandomLists.snapshot(random, round, random.nextInt(400), random.nextInt(30));
            DenyListSnapshot newer = mutate(random, older);
            DenyListDelta delta = DenyListDiff.between(older, newer);
            assertEquals(newer, DenyListDiff.apply(older, delta), "round " + round);
            assertEquals(older.version(), delta.baseVersion());
        }
    }

    @Test
    void aChangedReasonIsAnAdditionWithTheNewReason() {
        DenyListSnapshot older = DenyListSnapshot.builder(1, Instant.EPOCH)
                .card("31040000000000000001", DenyReason.LOST).account("qr-1", DenyReason.LOST).build();
        DenyListSnapshot newer = DenyListSnapshot.builder(2, Instant.EPOCH)
                .card("31040000000000000001", DenyReason.STOLEN).account("qr-1", DenyReason.FRAUD).build();
        DenyListDelta delta = DenyListDiff.between(older, newer);
        assertEquals(1, delta.addedCards().size());
        assertEquals(DenyReason.STOLEN, delta.addedCards().reason(0));
        assertEquals(0, delta.removedCards().size());
        assertEquals(DenyReason.FRAUD, delta.addedAccounts().get("qr-1"));
    }

    @Test
    void onlyConsecutiveVersionsHaveADelta() {
        DenyListSnapshot v1 = DenyListSnapshot.builder(1, Instant.EPOCH).build();
        DenyListSnapshot v3 = DenyListSnapshot.builder(3, Instant.EPOCH).build();
        assertThrows(IllegalArgumentException.class, () -> DenyListDiff.between(v1, v3));
        assertThrows(IllegalArgumentException.class, () -> DenyListDiff.between(v3, v1));
    }

    /** Keeps most entries, drops some, changes some reasons, adds some. */
    private static DenyListSnapshot mutate(Random random, DenyListSnapshot older) {
        DenyListSnapshot.Builder b = DenyListSnapshot.builder(older.version() + 1, Instant.ofEpochMilli(random.nextLong() >>> 20));
        java.util.Set<String> cards = new java.util.HashSet<>();
        for (int i = 0; i < older.cards().size(); i++) {
            int dice = random.nextInt(10);
            if (dice > 1) {
                String s = older.cards().serial(i);
                b.card(s, dice == 2 ? RandomLists.reason(random) : older.cards().reason(i));
                cards.add(s);
            }
        }
        for (int i = random.nextInt(50); i > 0; i--) {
            String s = RandomLists.serial(random, 5_000);
            if (cards.add(s)) {
                b.card(s, RandomLists.reason(random));
            }
        }
        java.util.Set<String> accounts = new java.util.HashSet<>();
        older.accounts().forEach((a, r) -> {
            int dice = random.nextInt(10);
            if (dice > 1) {
                b.account(a, dice == 2 ? RandomLists.reason(random) : r);
                accounts.add(a);
            }
        });
        for (int i = random.nextInt(8); i > 0; i--) {
            String a = RandomLists.account(random);
            if (accounts.add(a)) {
                b.account(a, RandomLists.reason(random));
            }
        }
        return b.build();
    }
}
