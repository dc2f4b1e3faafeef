package org.farebox.protocol.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenyListCodecTest {
    private static final Instant ISSUED = Instant.parse("2026-11-22T08:00:00.123Z");

    private static DenyListSnapshot small() {
        return DenyListSnapshot.builder(7, ISSUED)
                .card("31040000000000000002", DenyReason.STOLEN)
                .card("31040000000000000001", DenyReason.LOST)
                .account("qr-bob", DenyReason.FRAUD)
                .account("qr-alice", DenyReason.OPERATOR)
                .build();
    }

    private static DenyListDelta smallDelta() {
        return DenyListDelta.builder(8, ISSUED)
                .addCard("31040000000000000003", DenyReason.REPLACED)
                .removeCard("31040000000000000001")
                .addAccount("qr-carol", DenyReason.LOST)
                .removeAccount("qr-bob")
                .build();
    }

    @Test
    void snapshotBytesAreExactlyTheDocumentedLayout() {
        String expected = "4642444c" + "01" + "01" + "0000000000000007" + String.format("%016x", ISSUED.toEpochMilli())
                + "00000002" + "31040000000000000001" + "01" + "31040000000000000002" + "02"
                + "00000002" + "08" + hex("qr-alice") + "05" + "06" + hex("qr-bob") + "03";
        assertEquals(expected, HexFormat.of().formatHex(small().encode()));
    }

    @Test
    void deltaBytesAreExactlyTheDocumentedLayout() {
        String expected = "4642444c" + "01" + "02" + "0000000000000008" + "0000000000000007"
                + String.format("%016x", ISSUED.toEpochMilli())
                + "00000001" + "31040000000000000003" + "04"
                + "00000001" + "31040000000000000001"
                + "00000001" + "08" + hex("qr-carol") + "01"
                + "00000001" + "06" + hex("qr-bob");
        assertEquals(expected, HexFormat.of().formatHex(smallDelta().encode()));
    }

    @Test
    void randomSnapshotsAndDeltasSurviveTheRoundTrip() throws DenyListFormatException {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            DenyListSnapshot older = RandomLists.snapshot(random, round, random.nextInt(300), random.nextInt(40));
            DenyListSnapshot newer = RandomLists.snapshot(random, round + 1, random.nextInt(300), random.nextInt(40));
            assertEquals(older, DenyListSnapshot.decode(older.encode()));
            DenyListDelta delta = DenyListDiff.between(older, newer);
            assertEquals(delta, DenyListDelta.decode(delta.encode()));
        }
    }

    @Test
    void emptySnapshotRoundTrips() throws DenyListFormatException {
        DenyListSnapshot empty = DenyListSnapshot.builder(0, Instant.EPOCH).build();
        assertEquals(empty, DenyListSnapshot.decode(empty.encode()));
        assertEquals(4 + 1 + 1 + 8 + 8 + 4 + 4, empty.encode().length);
    }

    @Test
    void everyTruncationOfAValidPayloadIsRefused() {
        byte[] snapshot = small().encode();
        byte[] delta = smallDelta().encode();
        for (int n = 0; n < snapshot.length; n++) {
            byte[] cut = Arrays.copyOf(snapshot, n);
            assertThrows(DenyListFormatException.class, () -> DenyListSnapshot.decode(cut), "snapshot cut at " + n);
        }
        for (int n = 0; n < delta.length; n++) {
            byte[] cut = Arrays.copyOf(delta, n);
            assertThrows(DenyListFormatException.class, () -> DenyListDelta.decode(cut), "delta cut at " + n);
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] longer = Arrays.copyOf(small().encode(), small().encode().length + 1);
        assertMessage(() -> DenyListSnapshot.decode(longer), "unexpected bytes");
    }

    @Test
    void randomGarbageAndMutatedPayloadsFailOnlyWithTheFormatException() {
        Random random = new Random(5);
        byte[] valid = small().encode();
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[random.nextInt(80)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length >= 6) {
                System.arraycopy(valid, 0, garbage, 0, 6); // a valid header, garbage behind it
            }
            decodeEitherWay(garbage);
            byte[] mutated = valid.clone();
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
            decodeEitherWay(mutated);
        }
    }

    private static void decodeEitherWay(byte[] payload) {
        try {
            DenyListSnapshot.decode(payload);
        } catch (DenyListFormatException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        }
        try {
            DenyListDelta.decode(payload);
        } catch (DenyListFormatException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        }
    }

    @Test
    void forgedHugeCountsAreRefusedBeforeAnythingIsAllocated() {
        byte[] forged = small().encode();
        ByteBuffer.wrap(forged).putInt(22, 0x7FFFFFFF); // the cards count
        long t0 = System.nanoTime();
        assertMessage(() -> DenyListSnapshot.decode(forged, Integer.MAX_VALUE), "needs at least");
        assertMessage(() -> DenyListSnapshot.decode(forged), "over its limit");
        ByteBuffer.wrap(forged).putInt(22, 0xFFFFFFFF);
        assertMessage(() -> DenyListSnapshot.decode(forged, Integer.MAX_VALUE), "over its limit");
        int accountsCount = 22 + 4 + 2 * 11;
        byte[] forgedAccounts = small().encode();
        ByteBuffer.wrap(forgedAccounts).putInt(accountsCount, 1_000_000);
        assertMessage(() -> DenyListSnapshot.decode(forgedAccounts), "needs at least");
        // a check that allocated a gigabyte first would not get here in well under a few seconds on any machine
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void moreEntriesThanTheLimitAreRefused() throws DenyListFormatException {
        byte[] payload = small().encode();
        assertEquals(small(), DenyListSnapshot.decode(payload, 4));
        assertMessage(() -> DenyListSnapshot.decode(payload, 3), "over its limit of 3 entries");
    }

    @Test
    void wrongMagicFormatAndKindAreRefused() {
        byte[] payload = small().encode();
        byte[] magic = payload.clone();
        magic[0] = 'X';
        assertMessage(() -> DenyListSnapshot.decode(magic), "magic");
        byte[] format = payload.clone();
        format[4] = 2;
        assertMessage(() -> DenyListSnapshot.decode(format), "format 2");
        byte[] kind = payload.clone();
        kind[5] = 9;
        assertMessage(() -> DenyListSnapshot.decode(kind), "kind 9");
        assertMessage(() -> DenyListDelta.decode(payload), "snapshot where a delta was expected");
        assertMessage(() -> DenyListSnapshot.decode(smallDelta().encode()), "delta where a snapshot was expected");
    }

    @Test
    void kindIsReadFromTheHeader() throws DenyListFormatException {
        assertEquals(DenyListCodec.Kind.SNAPSHOT, DenyListCodec.kindOf(small().encode()));
        assertEquals(DenyListCodec.Kind.DELTA, DenyListCodec.kindOf(smallDelta().encode()));
        assertThrows(DenyListFormatException.class, () -> DenyListCodec.kindOf(new byte[3]));
    }

    @Test
    void unsortedDuplicateAndNonBcdCardsAreRefused() {
        byte[] payload = small().encode();
        byte[] swapped = payload.clone();
        System.arraycopy(payload, 26, swapped, 37, 11);
        System.arraycopy(payload, 37, swapped, 26, 11);
        assertMessage(() -> DenyListSnapshot.decode(swapped), "out of order");
        byte[] duplicate = payload.clone();
        System.arraycopy(payload, 26, duplicate, 37, 10);
        assertMessage(() -> DenyListSnapshot.decode(duplicate), "duplicate");
        byte[] notBcd = payload.clone();
        notBcd[30] = 0x1A;
        assertMessage(() -> DenyListSnapshot.decode(notBcd), "not a BCD serial");
        byte[] reason = payload.clone();
        reason[36] = 0;
        assertMessage(() -> DenyListSnapshot.decode(reason), "unknown reason code 0");
    }

    @Test
    void badAccountsAreRefused() {
        byte[] payload = small().encode();
        int first = 26 + 22 + 4; // length byte of "qr-alice"
        byte[] zero = payload.clone();
        zero[first] = 0;
        assertMessage(() -> DenyListSnapshot.decode(zero), "length 0");
        byte[] tooLong = payload.clone();
        tooLong[first] = 65;
        assertMessage(() -> DenyListSnapshot.decode(tooLong), "length 65");
        byte[] notUtf8 = payload.clone();
        notUtf8[first + 1] = (byte) 0xC3;
        notUtf8[first + 2] = (byte) 0x28;
        assertMessage(() -> DenyListSnapshot.decode(notUtf8), "not UTF-8");
        byte[] control = payload.clone();
        control[first + 1] = 0x07;
        assertMessage(() -> DenyListSnapshot.decode(control), "control character");
        byte[] unordered = payload.clone();
        unordered[first + 4] = 'z'; // "qr-zlice" > "qr-bob"
        assertMessage(() -> DenyListSnapshot.decode(unordered), "out of order");
    }

    @Test
    void deltaMustBeBasedOnThePreviousVersionAndNotAddAndRemoveTheSameEntry() {
        byte[] payload = smallDelta().encode();
        ByteBuffer.wrap(payload).putLong(14, 6);
        assertMessage(() -> DenyListDelta.decode(payload), "base version 6");
        assertThrows(IllegalArgumentException.class, () -> new DenyListDelta(3, ISSUED,
                DeniedCards.of(java.util.Map.of("31040000000000000003", DenyReason.LOST)),
                SortedSerials.of(java.util.List.of("31040000000000000003")), java.util.Map.of(), java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> DenyListDelta.builder(0, ISSUED).build());
    }

    @Test
    void reasonCodesMapBothWaysAndUnknownCodesAreErrors() {
        for (DenyReason r : DenyReason.values()) {
            assertEquals(r, DenyReason.ofCode(r.code()));
            assertEquals(r, DenyReason.ofText(r.text().toLowerCase()));
        }
        assertThrows(IllegalArgumentException.class, () -> DenyReason.ofCode(0));
        assertThrows(IllegalArgumentException.class, () -> DenyReason.ofCode(6));
        assertThrows(IllegalArgumentException.class, () -> DenyReason.ofCode(300));
        assertThrows(IllegalArgumentException.class, () -> DenyReason.ofText("misplaced"));
    }

    @Test
    void builderRefusesBadSerialsAccountsAndRepeats() {
        DenyListSnapshot.Builder b = DenyListSnapshot.builder(1, ISSUED).card("31040000000000000001", DenyReason.LOST);
        assertThrows(IllegalArgumentException.class, () -> b.card("31040000000000000001", DenyReason.FRAUD));
        assertThrows(IllegalArgumentException.class, () -> b.card("3104", DenyReason.LOST));
        assertThrows(IllegalArgumentException.class, () -> b.card("3104000000000000000A", DenyReason.LOST));
        assertThrows(IllegalArgumentException.class, () -> b.account("x".repeat(65), DenyReason.LOST));
        assertThrows(IllegalArgumentException.class, () -> b.account("中".repeat(22), DenyReason.LOST));
        assertThrows(IllegalArgumentException.class, () -> b.account("", DenyReason.LOST));
        assertThrows(IllegalArgumentException.class, () -> DenyListSnapshot.builder(-1, ISSUED).build());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable decode, String fragment) {
        DenyListFormatException e = assertThrows(DenyListFormatException.class, decode);
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
