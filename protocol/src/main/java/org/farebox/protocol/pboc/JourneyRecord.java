package org.farebox.protocol.pboc;

import java.time.LocalDateTime;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;

/**
 * File 0x1A, the compound (CAPP) journey record in its bus layout (128 bytes, record id 27 02,
 * PROTOCOLS.md §1.2.5). Only the fields Farebox reads or writes have accessors; every other byte is
 * carried through untouched so that another operator's data on the card survives our writes.
 */
public final class JourneyRecord {
    public static final int STATE_INITIAL = 0x00;
    public static final int STATE_BOARDED = 0x01;
    public static final int STATE_ALIGHTED = 0x02;
    /** The record number UPDATE CAPP DATA CACHE uses for this record. */
    public static final int RECORD_NUMBER = 0x01;

    private static final int STATE = 14;
    private static final int BOARD_LINE = 27;
    private static final int BOARD_STOP = 29;
    private static final int BOARD_TERMINAL = 38;
    private static final int BOARD_TIME = 46;
    private static final int AMOUNT = 96;

    private final byte[] bytes;

    private JourneyRecord(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh record with the bus identifier and no journey. */
    public static JourneyRecord empty() {
        byte[] b = new byte[TUnion.JOURNEY_LENGTH];
        b[0] = 0x27;
        b[1] = 0x02;
        b[2] = (byte) TUnion.JOURNEY_LENGTH;
        b[3] = 0x01;
        return new JourneyRecord(b);
    }

    public static JourneyRecord parse(byte[] record) {
        if (record.length != TUnion.JOURNEY_LENGTH) {
            throw new IllegalArgumentException("journey record is " + record.length + " bytes, expected 128");
        }
        return new JourneyRecord(record.clone());
    }

    public byte[] encode() {
        return bytes.clone();
    }

    public int state() {
        return bytes[STATE] & 0xFF;
    }

    public boolean locked() {
        return bytes[5] != 0;
    }

    /** Line number (2 bytes binary) of the last boarding. */
    public int boardingLine() {
        return (int) BigEndian.read(bytes, BOARD_LINE, 2);
    }

    public int boardingStop() {
        return bytes[BOARD_STOP] & 0xFF;
    }

    public LocalDateTime boardingTime() {
        return Bcd.parseDateTime(bytes, BOARD_TIME);
    }

    public long amount() {
        return BigEndian.read(bytes, AMOUNT, 4);
    }

    /** This record with a boarding written: state boarded, line, stop, terminal, time and amount. */
    public JourneyRecord boarded(int line, int stop, byte[] terminalNo6, LocalDateTime time, long amount) {
        byte[] b = bytes.clone();
        b[STATE] = STATE_BOARDED;
        BigEndian.write(b, BOARD_LINE, line, 2);
        b[BOARD_STOP] = (byte) stop;
        byte[] terminal = new byte[8];
        System.arraycopy(terminalNo6, 0, terminal, 2, 6);
        System.arraycopy(terminal, 0, b, BOARD_TERMINAL, 8);
        System.arraycopy(Bcd.dateTime(time), 0, b, BOARD_TIME, 7);
        BigEndian.write(b, AMOUNT, amount, 4);
        return new JourneyRecord(b);
    }

    public byte[] boardingTerminal() {
        return Bytes.slice(bytes, BOARD_TERMINAL, 8);
    }
}
