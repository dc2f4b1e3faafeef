package org.farebox.terminal.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.farebox.protocol.deny.CardSerials;
import org.farebox.protocol.deny.DeniedCards;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenyListStoreTest {
    @TempDir
    Path dir;

    @Test
    void lookupsMatchATreeMapReferenceThroughASnapshotAndManyDeltas() throws DenyListGapException {
        for (long seed = 1; seed <= 3; seed++) {
            ReferenceList ref = new ReferenceList(new Random(seed), 40_000);
            try (DenyListStore store = DenyListStore.open(dir.resolve("s" + seed))) {
                store.applySnapshot(ref.fill(10, 5_000, 300));
                assertMatches(ref, store);
                // Enough card changes that the overlay folds into a new base at least once.
                for (int round = 0; round < 30; round++) {
                    store.applyDelta(ref.change(round == 7 ? 20_000 : 400, round == 9 ? 20_000 : 30));
                    assertEquals(ref.version, store.version());
                    if (round % 5 == 4 || round == 7 || round == 9) {
                        assertMatches(ref, store);
                    }
                }
                assertMatches(ref, store);
                assertEquals(ref.snapshot(), store.snapshot());
            }
        }
    }

    static void assertMatches(ReferenceList ref, DenyListStore store) {
        for (String serial : ref.probeCards()) {
            assertEquals(Optional.ofNullable(ref.cards.get(serial)), store.cardReason(serial), serial);
            assertEquals(Optional.ofNullable(ref.cards.get(serial)).map(DenyReason::text), store.reason(serial));
        }
        for (String account : ref.probeAccounts()) {
            assertEquals(Optional.ofNullable(ref.accounts.get(account)), store.accountReason(account), account);
        }
        assertEquals(ref.cards.size(), store.size());
        assertEquals(ref.accounts.size(), store.accountCount());
    }

    @Test
    void aDeltaNotBasedOnTheCurrentVersionIsRefusedAndChangesNothing() throws DenyListGapException {
        ReferenceList ref = new ReferenceList(new Random(4), 1_000);
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(5, 50, 5));
            DenyListDelta v6 = ref.change(10, 2);
            DenyListDelta v7 = ref.change(10, 2);

            DenyListGapException gap = assertThrows(DenyListGapException.class, () -> store.applyDelta(v7));
            assertFalse(gap.isStale());
            assertEquals(5, gap.currentVersion());
            assertEquals(7, gap.deltaVersion());
            assertTrue(gap.getMessage().contains("gap"), gap.getMessage());
            assertEquals(5, store.version());

            store.applyDelta(v6);
            DenyListGapException again = assertThrows(DenyListGapException.class, () -> store.applyDelta(v6));
            assertTrue(again.isStale(), "a redelivered delta is old news, not a gap");
            store.applyDelta(v7);
            assertMatches(ref, store);
        }
    }

    @Test
    void aDeltaThatContradictsTheListIsRefused() {
        String denied = "31040000000000000001";
        String clean = "31040000000000000002";
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(DenyListSnapshot.builder(1, Instant.EPOCH).card(denied, DenyReason.LOST).build());
            DenyListDelta removesClean = DenyListDelta.builder(2, Instant.EPOCH).removeCard(clean).build();
            DenyListDelta addsSame = DenyListDelta.builder(2, Instant.EPOCH).addCard(denied, DenyReason.LOST).build();
            DenyListDelta removesAccount = DenyListDelta.builder(2, Instant.EPOCH).removeAccount("qr-x").build();
            for (DenyListDelta d : new DenyListDelta[] {removesClean, addsSame, removesAccount}) {
                DenyListGapException e = assertThrows(DenyListGapException.class, () -> store.applyDelta(d));
                assertFalse(e.isStale());
                assertTrue(e.getMessage().contains("load the snapshot"), e.getMessage());
            }
            assertEquals(1, store.version());
            assertEquals(1, store.size());
        }
    }

    @Test
    void aLocalListTakesNoDelta() {
        try (DenyListStore store = DenyListStore.open(dir)) {
            DenyListDelta v1 = DenyListDelta.builder(1, Instant.EPOCH).addCard("31040000000000000001", DenyReason.LOST)
                    .build();
            DenyListGapException e = assertThrows(DenyListGapException.class, () -> store.applyDelta(v1));
            assertTrue(e.getMessage().contains("local"), e.getMessage());
            assertEquals(0, store.size());
        }
    }

    @Test
    void snapshotsOlderOrEqualToTheListAreNotReinstalledButDifferentContentAtTheSameVersionIs()
            throws DenyListGapException {
        ReferenceList ref = new ReferenceList(new Random(8), 1_000);
        try (DenyListStore store = DenyListStore.open(dir)) {
            DenyListSnapshot v3 = ref.fill(3, 40, 4);
            assertEquals(DenyListStore.SnapshotOutcome.INSTALLED, store.applySnapshot(v3));
            assertEquals(DenyListStore.SnapshotOutcome.ALREADY_CURRENT, store.applySnapshot(v3));
            store.applyDelta(ref.change(5, 1));
            assertEquals(DenyListStore.SnapshotOutcome.OLDER_IGNORED, store.applySnapshot(v3));
            assertEquals(4, store.version());
            DenyListSnapshot v4 = ref.snapshot();
            assertEquals(DenyListStore.SnapshotOutcome.ALREADY_CURRENT, store.applySnapshot(v4));
            DenyListSnapshot otherV4 = DenyListSnapshot.builder(4, Instant.EPOCH).build();
            assertEquals(DenyListStore.SnapshotOutcome.INSTALLED, store.applySnapshot(otherV4));
            assertEquals(0, store.size());
            assertThrows(IllegalArgumentException.class,
                    () -> store.applySnapshot(DenyListSnapshot.builder(0, Instant.EPOCH).build()));
        }
    }

    @Test
    void aCardDeniedByADeltaIsRefusedAtItsNextLookup() throws DenyListGapException {
        String card = "31045101880000000042";
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(DenyListSnapshot.builder(1, Instant.EPOCH).build());
            assertFalse(store.isDenied(card));
            store.applyDelta(DenyListDelta.builder(2, Instant.EPOCH).addCard(card, DenyReason.STOLEN).build());
            assertEquals(Optional.of("STOLEN"), store.reason(card));
            store.applyDelta(DenyListDelta.builder(3, Instant.EPOCH).removeCard(card).build());
            assertFalse(store.isDenied(card));
        }
    }

    @Test
    void aMillionEntrySnapshotAppliesAndAnswersAndComesBackAfterARestart() {
        Random random = new Random(1_000_000);
        int n = 1_000_000;
        byte[] keys = new byte[n * CardSerials.BYTES];
        byte[] reasons = new byte[n];
        long serial = 5101_8800_0000_0000L; // the last 16 digits, after the leading 3104
        String[] samples = new String[1_000];
        for (int i = 0; i < n; i++) {
            serial += 1 + random.nextInt(5);
            String digits = String.format("3104%016d", serial);
            CardSerials.pack(digits, keys, i * CardSerials.BYTES);
            reasons[i] = (byte) (1 + random.nextInt(5));
            if (i % 1_000 == 0) {
                samples[i / 1_000] = digits;
            }
        }
        DenyListSnapshot big = new DenyListSnapshot(42, Instant.EPOCH, DeniedCards.fromPacked(keys, reasons),
                java.util.Map.of("qr-1", DenyReason.FRAUD));
        try (DenyListStore store = DenyListStore.open(dir)) {
            long t0 = System.nanoTime();
            assertEquals(DenyListStore.SnapshotOutcome.INSTALLED, store.applySnapshot(big));
            System.out.printf("deny list: 1M-entry snapshot applied in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertEquals(n, store.size());
            for (int i = 0; i < samples.length; i++) {
                assertEquals(Optional.of(DenyReason.ofCode(reasons[i * 1_000])), store.cardReason(samples[i]));
            }
            assertFalse(store.isDenied("31040000000000000000"));
            assertFalse(store.isDenied("99999999999999999999"));
        }
        long t0 = System.nanoTime();
        try (DenyListStore store = DenyListStore.open(dir)) {
            System.out.printf("deny list: 1M-entry list loaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertEquals(42, store.version());
            assertEquals(n, store.size());
            assertEquals(Optional.of(DenyReason.FRAUD), store.accountReason("qr-1"));
            assertTrue(store.isDenied(samples[samples.length - 1]));
        }
    }
}
