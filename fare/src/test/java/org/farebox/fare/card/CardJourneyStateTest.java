package org.farebox.fare.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.farebox.fare.extension.CapState;
import org.farebox.fare.extension.HeldVoucher;
import org.farebox.fare.extension.PromoState;
import org.farebox.fare.extension.RiderState;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.JourneyRecord;
import org.junit.jupiter.api.Test;

class CardJourneyStateTest {
    static final CardJourneyState FULL = new CardJourneyState(
            new CardJourneyState.LastLeg(7, LocalDateTime.of(2026, 6, 8, 8, 15, 30), 2, 450),
            new CardJourneyState.OpenEntry(1234, 900),
            LocalDate.of(2026, 6, 8), 650, LocalDate.of(2026, 6, 8), 2100, LocalDate.of(2026, 6, 8), 77);

    @Test
    void crcMatchesTheCcittFalseCheckValue() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(digits, 0, digits.length));
    }

    @Test
    void fullStateEncodesToTheDocumentedBytes() {
        // 2026-06-08 is day 2351 (0x092F) counting 2020-01-01 as day 1; 08:15:30 that day is 203,069,730 s
        // (0x0C1A9922) after 2020-01-01 00:00.
        String expected = "4642" + "01" + "03" + "07" + "0C1A9922" + "02" + "0001C2" + "04D2" + "000384"
                + "092F" + "00028A" + "092F" + "000834" + "092F" + "00004D" + "000000";
        byte[] block = FULL.encode();
        assertEquals(CardStateCodec.LENGTH, block.length);
        assertEquals(expected, Hex.of(block, 0, 36));
    }

    @Test
    void statesRoundTrip() {
        for (CardJourneyState s : List.of(FULL, CardJourneyState.EMPTY,
                FULL.withLastLeg(FULL.lastLeg(), null),
                FULL.withLastLeg(new CardJourneyState.LastLeg(0, CardJourneyState.EPOCH, 0, 0), null),
                new CardJourneyState(new CardJourneyState.LastLeg(255, CardJourneyState.EPOCH.plusSeconds(0xFFFF_FFFFL),
                        255, CardJourneyState.MAX_U24), new CardJourneyState.OpenEntry(0xFFFF, CardJourneyState.MAX_U24),
                        CardJourneyState.LAST_DAY, CardJourneyState.MAX_U24, LocalDate.of(2020, 1, 1), 0,
                        CardJourneyState.LAST_DAY, CardJourneyState.MAX_U24))) {
            CardStateRead read = CardJourneyState.decode(s.encode());
            assertEquals(CardStateRead.Status.OK, read.status(), read.detail());
            assertEquals(s, read.state());
        }
    }

    @Test
    void randomValidStatesRoundTripThroughAWholeRecord() {
        Random r = new Random(0x1A);
        byte[] record = JourneyRecord.empty().boarded(12, 5, Hex.parse("010203040506"),
                LocalDateTime.of(2026, 6, 8, 8, 0), 200).encode();
        for (int i = 0; i < 500; i++) {
            CardJourneyState s = randomState(r);
            byte[] written = s.writeInto(record);
            assertEquals(s, CardJourneyState.readFrom(written).state());
        }
    }

    @Test
    void writingKeepsEveryByteOutsideFareboxsBlock() {
        byte[] record = JourneyRecord.empty().boarded(12, 5, Hex.parse("010203040506"),
                LocalDateTime.of(2026, 6, 8, 8, 0), 200).encode();
        record[100] = 0x55;
        record[127] = 0x66;
        byte[] written = FULL.writeInto(record);
        for (int i = 0; i < record.length; i++) {
            if (i < CardStateCodec.RECORD_OFFSET || i >= CardStateCodec.RECORD_OFFSET + CardStateCodec.LENGTH) {
                assertEquals(record[i], written[i], "byte " + i);
            }
        }
        JourneyRecord parsed = JourneyRecord.parse(written);
        assertEquals(12, parsed.boardingLine());
        assertEquals(200, parsed.amount());
        assertEquals(LocalDateTime.of(2026, 6, 8, 8, 0), parsed.boardingTime());
    }

    @Test
    void everyTruncationReadsAsNoState() {
        byte[] block = FULL.encode();
        for (int len = 0; len < block.length; len++) {
            CardStateRead read = CardJourneyState.decode(Arrays.copyOf(block, len));
            assertFalse(read.hasState(), "length " + len);
            assertEquals(CardJourneyState.EMPTY, read.state());
        }
        assertEquals(CardStateRead.Status.CORRUPT, CardJourneyState.decode(Arrays.copyOf(block, 20)).status());
    }

    @Test
    void everySingleBitFlipIsDetected() {
        byte[] block = FULL.encode();
        for (int bit = 0; bit < block.length * 8; bit++) {
            byte[] b = block.clone();
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(CardJourneyState.decode(b).hasState(), "bit " + bit);
        }
    }

    @Test
    void randomBytesNeverThrowAndAlmostNeverPassAsState() {
        Random r = new Random(20260608);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(3) == 0 ? r.nextInt(60) : CardStateCodec.LENGTH];
            r.nextBytes(b);
            if (i % 2 == 0 && b.length >= 3) {
                b[0] = 'F';
                b[1] = 'B';
                b[2] = 1;
            }
            CardStateRead read = CardJourneyState.decode(b);
            assertNotNull(read.status());
            accepted += read.hasState() ? 1 : 0;
            byte[] record = new byte[r.nextBoolean() ? 128 : r.nextInt(200)];
            r.nextBytes(record);
            assertNotNull(CardJourneyState.readFrom(record).status());
        }
        assertEquals(0, accepted, "a random block would need the marker, version, a valid CRC and canonical fields");
    }

    @Test
    void foreignAndBlankRecordsReadAsNoState() {
        byte[] metro = new byte[128];
        metro[0] = 0x01;
        metro[58] = 'F';
        assertEquals(CardStateRead.Status.FOREIGN, CardJourneyState.readFrom(metro).status());
        assertEquals(CardStateRead.Status.BLANK, CardJourneyState.readFrom(new byte[128]).status());
        byte[] ff = new byte[128];
        Arrays.fill(ff, (byte) 0xFF);
        assertEquals(CardStateRead.Status.BLANK, CardJourneyState.readFrom(ff).status());
        assertEquals(CardStateRead.Status.FOREIGN, CardJourneyState.readFrom(new byte[48]).status());
        assertEquals(CardStateRead.Status.FOREIGN, CardJourneyState.readFrom(null).status());
        CardStateRead busNoFarebox = CardJourneyState.readFrom(JourneyRecord.empty().boarded(3, 4,
                Hex.parse("000000000001"), LocalDateTime.of(2026, 1, 1, 7, 0), 100).encode());
        assertEquals(CardStateRead.Status.BLANK, busNoFarebox.status(), "a plain bus record leaves our bytes zero");
        byte[] otherOperator = JourneyRecord.empty().encode();
        System.arraycopy("SHENZHEN-0755".getBytes(StandardCharsets.US_ASCII), 0, otherOperator, 58, 13);
        CardStateRead foreign = CardJourneyState.readFrom(otherOperator);
        assertEquals(CardStateRead.Status.FOREIGN, foreign.status());
        assertEquals(CardJourneyState.EMPTY, foreign.state());
    }

    @Test
    void newerLayoutVersionIsNotGuessedAt() {
        byte[] block = FULL.encode();
        block[2] = 2;
        assertEquals(CardStateRead.Status.UNKNOWN_VERSION, CardJourneyState.decode(block).status());
    }

    @Test
    void checksumCorrectBlockWithNonCanonicalFieldsIsCorrupt() {
        byte[] block = CardJourneyState.EMPTY.encode();
        block[4] = 9; // a leg group without the last-leg flag
        rechecksum(block);
        assertEquals(CardStateRead.Status.CORRUPT, CardJourneyState.decode(block).status());
        block = CardJourneyState.EMPTY.encode();
        block[3] = (byte) 0x80; // unknown flag
        rechecksum(block);
        assertEquals(CardStateRead.Status.CORRUPT, CardJourneyState.decode(block).status());
        block = CardJourneyState.EMPTY.encode();
        block[3] = 0x02; // an open entry without a last leg
        block[14] = 1;
        rechecksum(block);
        assertEquals(CardStateRead.Status.CORRUPT, CardJourneyState.decode(block).status());
    }

    @Test
    void riderStateGoesOntoTheCardAndBackWithoutRollingHistory() {
        CapState caps = new CapState(LocalDate.of(2026, 6, 8), 650, LocalDate.of(2026, 6, 8), 2100,
                new java.util.TreeMap<>(java.util.Map.of(LocalDate.of(2026, 6, 8), 650L)));
        RiderState rider = new RiderState(caps, new PromoState(LocalDate.of(2026, 6, 8), 77), List.of());
        CardJourneyState onCard = CardJourneyState.EMPTY.withRiderState(rider);
        List<HeldVoucher> vouchers = List.of(new HeldVoucher("v", 100, null));
        RiderState back = CardJourneyState.decode(onCard.encode()).state().toRiderState(vouchers);
        assertEquals(650, back.caps().dayTotalFen());
        assertEquals(2100, back.caps().weekTotalFen());
        assertEquals(LocalDate.of(2026, 6, 8), back.caps().dayKey());
        assertEquals(0, back.caps().rollingTotal(LocalDate.of(2026, 6, 8)), "rolling history is not on the card");
        assertEquals(rider.promotions(), back.promotions());
        assertEquals(vouchers, back.vouchers());
    }

    @Test
    void accumulatorsBeyondThreeBytesSaturateInsteadOfFailingATap() {
        RiderState huge = new RiderState(new CapState(LocalDate.of(2026, 6, 8), 99_999_999, null, 0, new java.util.TreeMap<>()),
                new PromoState(null, Long.MAX_VALUE), List.of());
        CardJourneyState s = CardJourneyState.EMPTY.withRiderState(huge);
        assertEquals(CardJourneyState.MAX_U24, s.dayTotalFen());
        assertEquals(CardJourneyState.MAX_U24, s.points());
    }

    @Test
    void valuesTheLayoutCannotHoldAreRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class,
                () -> new CardJourneyState.LastLeg(256, LocalDateTime.of(2026, 1, 1, 0, 0), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CardJourneyState.LastLeg(1, LocalDateTime.of(2019, 12, 31, 23, 59), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CardJourneyState.OpenEntry(0, 100));
        assertThrows(IllegalArgumentException.class,
                () -> new CardJourneyState(null, new CardJourneyState.OpenEntry(1, 0), null, 0, null, 0, null, 0));
        assertThrows(IllegalArgumentException.class, () -> FULL.writeInto(new byte[64]));
    }

    private static void rechecksum(byte[] block) {
        int crc = Crc16.of(block, 0, 36);
        block[36] = (byte) (crc >> 8);
        block[37] = (byte) crc;
    }

    private static CardJourneyState randomState(Random r) {
        CardJourneyState.LastLeg leg = r.nextInt(4) == 0 ? null : new CardJourneyState.LastLeg(r.nextInt(256),
                CardJourneyState.EPOCH.plusSeconds(r.nextLong(0, 0x1_0000_0000L)), r.nextInt(256),
                r.nextLong(0, CardJourneyState.MAX_U24 + 1));
        CardJourneyState.OpenEntry entry = leg == null || r.nextBoolean() ? null
                : new CardJourneyState.OpenEntry(1 + r.nextInt(0xFFFF), r.nextLong(0, CardJourneyState.MAX_U24 + 1));
        return new CardJourneyState(leg, entry, randomDay(r), r.nextLong(0, CardJourneyState.MAX_U24 + 1), randomDay(r),
                r.nextLong(0, CardJourneyState.MAX_U24 + 1), randomDay(r), r.nextLong(0, CardJourneyState.MAX_U24 + 1));
    }

    private static LocalDate randomDay(Random r) {
        return r.nextInt(5) == 0 ? null : CardJourneyState.EPOCH.toLocalDate().plusDays(r.nextInt(0xFFFF));
    }
}
