package org.farebox.protocol.pboc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.farebox.protocol.bytes.Hex;
import org.junit.jupiter.api.Test;

/** The verified vectors of PROTOCOLS.md §1.6.3, recomputed from the public worked example. */
class PbocCryptoTest {
    private static final byte[] DPK = Hex.parse("11223344556677888877665544332211");
    private static final byte[] TERMINAL = Hex.parse("001122334455");
    private static final byte[] DATE_TIME = Hex.parse("20120229135100");

    private static byte[] sessionKey() {
        return PbocCrypto.purchaseSessionKey(DPK, Hex.parse("11223344"), 0x0000, Hex.parse("00000001"));
    }

    @Test
    void purchaseSessionKeyMatchesWorkedExample() {
        assertArrayEquals(Hex.parse("003238ABC57659DD"), sessionKey());
    }

    @Test
    void mac1MatchesWorkedExample() {
        assertArrayEquals(Hex.parse("F15CAB75"),
                PbocCrypto.mac1(sessionKey(), 0x1000, TUnion.TYPE_PURCHASE, TERMINAL, DATE_TIME));
    }

    @Test
    void mac2MatchesWorkedExample() {
        assertArrayEquals(Hex.parse("56988A13"), PbocCrypto.mac2(sessionKey(), 0x1000));
    }

    @Test
    void retailMacWithDoubleLengthKeyIsNotTheTransactionMac() {
        byte[] data = Hex.parse("00001000" + "06" + "001122334455" + "20120229135100");
        byte[] retail = PbocCrypto.retailMac(DPK, new byte[8], data);
        assertArrayEquals(Hex.parse("3E218657"), retail);
        assertNotEquals(Hex.of(retail), "F15CAB75");
    }

    @Test
    void diversificationIsTripleDesOfTheFactorThenOfItsComplement() throws Exception {
        byte[] factor = Hex.parse("0000000000000001");
        javax.crypto.Cipher ede = javax.crypto.Cipher.getInstance("DESede/ECB/NoPadding");
        byte[] k24 = Hex.parse(Hex.of(DPK) + Hex.of(DPK).substring(0, 16));
        ede.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(k24, "DESede"));
        byte[] left = ede.doFinal(factor);
        byte[] right = ede.doFinal(Hex.parse("FFFFFFFFFFFFFFFE"));
        assertArrayEquals(Hex.parse(Hex.of(left) + Hex.of(right)), PbocCrypto.diversify(DPK, factor));
        assertNotEquals(Hex.of(PbocCrypto.diversify(DPK, factor)),
                Hex.of(PbocCrypto.diversify(DPK, Hex.parse("0000000000000002"))));
    }

    @Test
    void paddingAlwaysAddsABlockWhenDataIsAligned() {
        assertArrayEquals(Hex.parse("00112233445566778000000000000000"),
                PbocCrypto.pad(Hex.parse("0011223344556677")));
    }

    @Test
    void tacChangesWithEveryCoveredField() {
        byte[] dtk = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
        byte[] serial = Hex.parse("00000001");
        byte[] tac = PbocCrypto.purchaseTac(dtk, 200, 0x06, TERMINAL, serial, DATE_TIME);
        assertNotEquals(Hex.of(tac), Hex.of(PbocCrypto.purchaseTac(dtk, 201, 0x06, TERMINAL, serial, DATE_TIME)));
        assertNotEquals(Hex.of(tac), Hex.of(PbocCrypto.purchaseTac(dtk, 200, 0x09, TERMINAL, serial, DATE_TIME)));
        assertNotEquals(Hex.of(tac), Hex.of(PbocCrypto.purchaseTac(dtk, 200, 0x06, TERMINAL,
                Hex.parse("00000002"), DATE_TIME)));
    }
}
