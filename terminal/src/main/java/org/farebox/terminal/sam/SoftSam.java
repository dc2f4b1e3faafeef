package org.farebox.terminal.sam;

import java.util.concurrent.atomic.AtomicLong;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PbocCrypto;

/**
 * A SAM in software: master keys from a local key file, diversified per card. For depots, labs and
 * operators without PSAMs; the keys live on the terminal's disk, so protect the file (mode 0600).
 *
 * <p>Unlike a PSAM it can check MAC2 for any past authorization, because it can recompute the session
 * key; that lets a purchase recovered after a torn tap still be verified.
 */
public final class SoftSam implements Sam {
    private final MasterKeys keys;
    private final byte[] terminalNumber;
    private final int keyIndex;
    private final AtomicLong serial;
    private final AtomicLong sessions = new AtomicLong();

    /**
     * @param lastSerial the highest terminal transaction serial already used (from the ledger), so a
     *                   serial is never reused across restarts
     */
    public SoftSam(MasterKeys keys, byte[] terminalNumber, int keyIndex, long lastSerial) {
        if (terminalNumber.length != 6) {
            throw new IllegalArgumentException("terminal number must be 6 bytes");
        }
        keys.keySet(keyIndex);
        this.keys = keys;
        this.terminalNumber = terminalNumber.clone();
        this.keyIndex = keyIndex;
        this.serial = new AtomicLong(lastSerial);
    }

    @Override
    public byte[] terminalNumber() {
        return terminalNumber.clone();
    }

    @Override
    public int purchaseKeyIndex() {
        return keyIndex;
    }

    @Override
    public PurchaseAuthorization authorizePurchase(PurchaseRequest r) throws SamException {
        long next = serial.get() + 1;
        byte[] sessionKey = sessionKey(r, next);
        serial.set(next);
        byte[] mac1 = PbocCrypto.mac1(sessionKey, r.amount(), r.transactionType(), terminalNumber, r.dateTime7());
        return new PurchaseAuthorization(r, next, mac1, sessions.incrementAndGet());
    }

    @Override
    public Mac2Check confirmPurchase(PurchaseAuthorization a, byte[] mac2) throws SamException {
        byte[] expected = PbocCrypto.mac2(sessionKey(a.request(), a.terminalSerial()), a.request().amount());
        return PbocCrypto.sameMac(expected, mac2) ? Mac2Check.VALID : Mac2Check.INVALID;
    }

    @Override
    public byte[] maintenanceMac(byte[] cardFactor, byte[] issuerFactor, byte[] iv, byte[] data) {
        byte[] damk = keys.cardKey(MasterKeys.Usage.MAINTENANCE, keyIndex, issuerFactor, cardFactor);
        return PbocCrypto.retailMac(damk, iv, data);
    }

    /** Recomputes the card's purchase TAC, so the terminal can check a TAC the card returned. */
    public byte[] expectedTac(PurchaseAuthorization a) {
        PurchaseRequest r = a.request();
        byte[] dtk = keys.cardKey(MasterKeys.Usage.TAC, keyIndex, r.issuerFactor(), r.cardFactor());
        return PbocCrypto.purchaseTac(dtk, r.amount(), r.transactionType(), terminalNumber, a.terminalSerial4(),
                r.dateTime7());
    }

    private byte[] sessionKey(PurchaseRequest r, long terminalSerial) throws SamException {
        if (r.algorithmId() != PbocCrypto.ALG_3DES) {
            throw new SamRefusedException("software SAM supports algorithm 00 (3DES) only, card uses "
                    + String.format("%02X", r.algorithmId()));
        }
        MasterKeys.KeySet set = keys.keySet(keyIndex);
        if (set.version() != r.keyVersion()) {
            throw new SamRefusedException("card key version " + String.format("%02X", r.keyVersion())
                    + " has no master key (key index " + keyIndex + " is version " + String.format("%02X", set.version()) + ")");
        }
        byte[] dpk = keys.cardKey(MasterKeys.Usage.PURCHASE, keyIndex, r.issuerFactor(), r.cardFactor());
        return PbocCrypto.purchaseSessionKey(dpk, r.cardRandom(), r.cardCounter(),
                org.farebox.protocol.bytes.BigEndian.bytes(terminalSerial, 4));
    }

    @Override
    public String describe() {
        return "software SAM, terminal " + Hex.of(terminalNumber) + ", key index " + keyIndex + ", "
                + keys.diversificationLevels() + "-level diversification";
    }

    @Override
    public void close() {
    }
}
