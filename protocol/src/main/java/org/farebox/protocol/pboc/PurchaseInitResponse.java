package org.farebox.protocol.pboc;

import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;

/**
 * The 15-byte answer to INITIALIZE FOR (CAPP) PURCHASE: balance 4 ‖ offline counter 2 ‖ overdraft limit 3 ‖
 * key version 1 ‖ algorithm id 1 ‖ pseudo-random 4. The balance here is the one the debit is based on.
 */
public record PurchaseInitResponse(long balance, int counter, long overdraftLimit, int keyVersion, int algorithmId,
        byte[] random) {

    public static final int LENGTH = 15;

    public PurchaseInitResponse {
        random = random.clone();
    }

    public static PurchaseInitResponse parse(byte[] data) {
        if (data.length != LENGTH) {
            throw new IllegalArgumentException("INITIALIZE FOR PURCHASE answered " + data.length + " bytes, expected 15");
        }
        return new PurchaseInitResponse(BigEndian.read(data, 0, 4), (int) BigEndian.read(data, 4, 2),
                BigEndian.read(data, 6, 3), data[9] & 0xFF, data[10] & 0xFF, Bytes.slice(data, 11, 4));
    }

    public byte[] encode() {
        return Bytes.concat(BigEndian.bytes(balance, 4), BigEndian.bytes(counter, 2), BigEndian.bytes(overdraftLimit, 3),
                Bytes.of(keyVersion, algorithmId), random);
    }

    public byte[] random() {
        return random.clone();
    }
}
