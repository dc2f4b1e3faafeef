package org.farebox.protocol.pboc;

import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;

/** Command APDUs a terminal sends to a T-Union / PBOC user card (PROTOCOLS.md §1.3). */
public final class CardCommands {
    private CardCommands() {
    }

    public static byte[] selectAid(byte[] aid) {
        return Bytes.concat(Bytes.of(0x00, 0xA4, 0x04, 0x00, aid.length), aid, Bytes.of(0x00));
    }

    public static byte[] selectFid(int fid) {
        return Bytes.of(0x00, 0xA4, 0x00, 0x00, 0x02, fid >> 8, fid);
    }

    public static byte[] readBinary(int sfi, int length) {
        return Bytes.of(0x00, 0xB0, 0x80 | sfi, 0x00, length);
    }

    public static byte[] readRecord(int sfi, int record, int length) {
        return Bytes.of(0x00, 0xB2, record, (sfi << 3) | 0x04, length);
    }

    public static byte[] getBalance() {
        return Bytes.of(0x80, 0x5C, 0x00, 0x02, 0x04);
    }

    /** INITIALIZE FOR PURCHASE (P1 01) or, with {@code capp}, FOR CAPP PURCHASE (P1 03). */
    public static byte[] initializeForPurchase(boolean capp, int keyIndex, long amount, byte[] terminalNo6) {
        return Bytes.concat(Bytes.of(0x80, 0x50, capp ? 0x03 : 0x01, 0x02, 0x0B, keyIndex),
                BigEndian.bytes(amount, 4), terminalNo6, Bytes.of(0x0F));
    }

    /** UPDATE CAPP DATA CACHE: the card holds the record until DEBIT commits it. */
    public static byte[] updateCappDataCache(int recordNumber, int sfi, byte[] record) {
        return Bytes.concat(Bytes.of(0x80, 0xDC, recordNumber, sfi << 3, record.length), record);
    }

    public static byte[] debitForPurchase(byte[] terminalSerial4, byte[] dateTime7, byte[] mac1) {
        return Bytes.concat(Bytes.of(0x80, 0x54, 0x01, 0x00, 0x0F), terminalSerial4, dateTime7, mac1, Bytes.of(0x08));
    }

    public static byte[] getTransactionProve(int transactionType, int counter) {
        return Bytes.of(0x80, 0x5A, 0x00, transactionType, 0x02, counter >> 8, counter, 0x08);
    }

    public static byte[] getChallenge() {
        return Bytes.of(0x00, 0x84, 0x00, 0x00, 0x04);
    }

    /** Header of APPLICATION BLOCK (temporary, P1 00) whose secure-messaging MAC covers it. */
    public static byte[] applicationBlockHeader() {
        return Bytes.of(0x84, 0x1E, 0x00, 0x00, 0x04);
    }

    public static byte[] applicationBlock(byte[] mac4) {
        return Bytes.concat(applicationBlockHeader(), mac4);
    }
}
