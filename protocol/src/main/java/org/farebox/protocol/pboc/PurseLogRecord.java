package org.farebox.protocol.pboc;

import java.time.LocalDateTime;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;

/** One 23-byte record of the cyclic purse log, file 0x18, written by the card itself (PROTOCOLS.md §1.2.3). */
public record PurseLogRecord(int counter, long overdraftLimit, long amount, int transactionType, byte[] terminalNo,
        LocalDateTime time) {

    public PurseLogRecord {
        terminalNo = terminalNo.clone();
    }

    public static PurseLogRecord parse(byte[] rec) {
        if (rec.length < TUnion.PURSE_LOG_LENGTH) {
            throw new IllegalArgumentException("purse log record is " + rec.length + " bytes, expected 23");
        }
        return new PurseLogRecord((int) BigEndian.read(rec, 0, 2), BigEndian.read(rec, 2, 3), BigEndian.read(rec, 5, 4),
                rec[9] & 0xFF, Bytes.slice(rec, 10, 6), Bcd.parseDateTime(rec, 16));
    }

    public byte[] encode() {
        return Bytes.concat(BigEndian.bytes(counter, 2), BigEndian.bytes(overdraftLimit, 3), BigEndian.bytes(amount, 4),
                Bytes.of(transactionType), terminalNo, Bcd.dateTime(time));
    }
}
