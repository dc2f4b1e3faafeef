package org.farebox.simulator.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.ManagementInfo;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PublicBasicData;
import org.junit.jupiter.api.Test;

/** Personalisation: the files a fresh card carries and the keys it is given. */
class CardIssuerTest {
    private final CardImage image = new CardIssuer(Fixtures.ONE_LEVEL).issue(Fixtures.profile()
            .cardType(0x02).validity(LocalDate.of(2024, 1, 1), LocalDate.of(2030, 6, 30)).initialBalance(1234).build());

    @Test
    void publicBasicDataCarriesIssuerSerialAndValidity() {
        PublicBasicData basic = image.publicBasicData();
        assertArrayEquals(Fixtures.ISSUER_ID, basic.issuerId());
        assertEquals(0x02, basic.applicationType());
        assertEquals(0x01, basic.applicationVersion());
        assertEquals(Fixtures.SERIAL, basic.serialNumber());
        assertEquals(LocalDate.of(2024, 1, 1), basic.validFrom());
        assertEquals(LocalDate.of(2030, 6, 30), basic.validUntil());
    }

    @Test
    void managementInfoCarriesCityInteropAndCardType() {
        ManagementInfo info = image.managementInfo();
        assertTrue(info.isInteroperable());
        assertEquals(0x02, info.cardType());
        assertEquals("5101", info.cityCodeHex());
    }

    @Test
    void freshCardHasItsBalanceAndNothingElse() {
        assertEquals(1234, image.balance());
        assertEquals(0, image.offlineCounter());
        assertTrue(image.purseLog().isEmpty());
        assertTrue(image.tripLog().isEmpty());
        assertFalse(image.blocked());
        assertFalse(image.lastProof().isPresent());
        assertEquals(Set.of(1), image.keyIndexes());
    }

    @Test
    void cardKeysAreTheMasterKeysDiversifiedWithTheSerial() {
        byte[] factor = Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8);
        CardKeys keys = image.keys().get(1);
        assertArrayEquals(Fixtures.ONE_LEVEL.cardKey(MasterKeys.Usage.PURCHASE, 1, Fixtures.ISSUER_ID, factor), keys.dpk());
        assertArrayEquals(Fixtures.ONE_LEVEL.cardKey(MasterKeys.Usage.TAC, 1, Fixtures.ISSUER_ID, factor), keys.dtk());
        assertArrayEquals(Fixtures.ONE_LEVEL.cardKey(MasterKeys.Usage.MAINTENANCE, 1, Fixtures.ISSUER_ID, factor),
                keys.damk());
        assertEquals(0x01, keys.version());
    }

    @Test
    void badProfilesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> CardProfile.builder("1234").build());
        assertThrows(IllegalArgumentException.class, () -> CardProfile.builder("3104000000001234567X").build());
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.profile().validity(LocalDate.of(2030, 1, 1), LocalDate.of(2020, 1, 1)).build());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.profile().cardType(256).build());
        assertThrows(IllegalArgumentException.class,
                () -> new CardIssuer(Fixtures.ONE_LEVEL).issue(Fixtures.profile().purchaseKeyIndex(9).build()));
    }
}
