package org.farebox.protocol.pboc;

import org.farebox.protocol.bytes.Bytes;

/** Command APDUs a terminal sends to a MoT PSAM (PROTOCOLS.md §1.4). */
public final class SamCommands {
    /** Key usage of 80 1A for the application maintenance key (DAMK); vendor-dependent [U]. */
    public static final int KEY_USAGE_MAINTENANCE = 0x27;

    private SamCommands() {
    }

    /**
     * INIT SAM FOR PURCHASE: random4 ‖ counter2 ‖ amount4 ‖ type1 ‖ datetime7 ‖ keyVersion1 ‖ algId1 ‖
     * cardFactor8 [‖ issuerFactor8]. Lc 0x1C for one diversification level, 0x24 for two.
     */
    public static byte[] initSamForPurchase(byte[] data) {
        if (data.length != 0x1C && data.length != 0x24) {
            throw new IllegalArgumentException("8070 data must be 28 or 36 bytes, got " + data.length);
        }
        return Bytes.concat(Bytes.of(0x80, 0x70, 0x00, 0x00, data.length), data, Bytes.of(0x08));
    }

    public static byte[] creditSamForPurchase(byte[] mac2) {
        return Bytes.concat(Bytes.of(0x80, 0x72, 0x00, 0x00, 0x04), mac2);
    }

    /** DES INIT: diversify the key of {@code usage}/{@code keyIndex} with 8 or 16 bytes of factors. */
    public static byte[] desInit(int usage, int keyIndex, byte[] factors) {
        return Bytes.concat(Bytes.of(0x80, 0x1A, usage, keyIndex, factors.length), factors);
    }

    /** DES COMPUTE, MAC with IV (P1 05): IV8 ‖ data, answers the 4-byte MAC. */
    public static byte[] desComputeMac(byte[] iv8, byte[] data) {
        byte[] body = Bytes.concat(iv8, data);
        return Bytes.concat(Bytes.of(0x80, 0xFA, 0x05, 0x00, body.length), body, Bytes.of(0x04));
    }
}
