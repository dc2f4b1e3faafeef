package org.farebox.protocol.pboc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.farebox.protocol.bytes.Hex;
import org.junit.jupiter.api.Test;

class LayoutsTest {
    @Test
    void publicBasicDataReadsSerialFactorAndDates() {
        byte[] file = Hex.parse("01005101FFFFFFFF" + "02" + "01" + "31045101000000001234" + "20240101" + "20291231" + "0000");
        PublicBasicData d = PublicBasicData.parse(file);
        assertEquals("31045101000000001234", d.serialNumber());
        assertEquals("0100", d.issuerCode());
        assertArrayEquals(Hex.parse("5101000000001234"), d.diversificationFactor());
        assertEquals(LocalDate.of(2029, 12, 31), d.validUntil());
        assertArrayEquals(file, d.encode());
    }

    @Test
    void shortOrNonBcdPublicDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PublicBasicData.parse(new byte[29]));
        byte[] bad = Hex.parse("01005101FFFFFFFF0201" + "3104510100000000123A" + "2024010120291231" + "0000");
        assertThrows(IllegalArgumentException.class, () -> PublicBasicData.parse(bad));
        byte[] badDate = Hex.parse("01005101FFFFFFFF0201" + "31045101000000001234" + "2024133120291231" + "0000");
        assertThrows(IllegalArgumentException.class, () -> PublicBasicData.parse(badDate));
    }

    @Test
    void purchaseInitResponseMatchesTheWorkedExample() {
        PurchaseInitResponse r = PurchaseInitResponse.parse(Hex.parse("00001C37" + "0000" + "000000" + "01" + "00" + "9AC87503"));
        assertEquals(0x1C37, r.balance());
        assertEquals(1, r.keyVersion());
        assertEquals(0, r.algorithmId());
        assertArrayEquals(Hex.parse("9AC87503"), r.random());
        assertThrows(IllegalArgumentException.class, () -> PurchaseInitResponse.parse(new byte[14]));
    }

    @Test
    void journeyRecordKeepsForeignBytesWhenBoarding() {
        byte[] raw = JourneyRecord.empty().encode();
        raw[120] = 0x5A;
        JourneyRecord boarded = JourneyRecord.parse(raw).boarded(101, 7, Hex.parse("000051010007"),
                LocalDateTime.of(2026, 11, 22, 8, 30, 15), 200);
        assertEquals(JourneyRecord.STATE_BOARDED, boarded.state());
        assertEquals(101, boarded.boardingLine());
        assertEquals(7, boarded.boardingStop());
        assertEquals(LocalDateTime.of(2026, 11, 22, 8, 30, 15), boarded.boardingTime());
        assertEquals(200, boarded.amount());
        assertEquals(0x5A, boarded.encode()[120]);
    }

    @Test
    void purseLogRoundTrips() {
        PurseLogRecord r = new PurseLogRecord(7, 0, 200, TUnion.TYPE_CAPP_PURCHASE, Hex.parse("000051010007"),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertEquals(r.counter(), PurseLogRecord.parse(r.encode()).counter());
        assertEquals(r.time(), PurseLogRecord.parse(r.encode()).time());
    }
}
