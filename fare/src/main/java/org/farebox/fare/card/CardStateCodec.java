package org.farebox.fare.card;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.pboc.TUnion;

/**
 * Farebox's 38-byte block in the 0x1A bus record, byte for byte as docs/card-journey-layout.md tables it.
 * Decoding never throws: any byte string yields a {@link CardStateRead}.
 */
public final class CardStateCodec {
    /** Where the block starts in the 128-byte record: the bus layout's alighting area, which Farebox does not use. */
    public static final int RECORD_OFFSET = 58;
    public static final int LENGTH = 38;
    public static final int VERSION = 1;
    static final int MAGIC_0 = 'F';
    static final int MAGIC_1 = 'B';
    static final int FLAG_LAST_LEG = 0x01;
    static final int FLAG_ENTRY_OPEN = 0x02;

    private static final int VERSION_AT = 2;
    private static final int FLAGS = 3;
    private static final int GROUP = 4;
    private static final int START = 5;
    private static final int TRANSFERS = 9;
    private static final int CHAIN_COST = 10;
    private static final int ENTRY_STOP = 13;
    private static final int MAX_FARE = 15;
    private static final int DAY_KEY = 18;
    private static final int DAY_TOTAL = 20;
    private static final int WEEK_KEY = 23;
    private static final int WEEK_TOTAL = 25;
    private static final int LAST_RIDE_DAY = 28;
    private static final int POINTS = 30;
    private static final int RESERVED = 33;
    private static final int CRC = 36;

    private CardStateCodec() {
    }

    static byte[] encode(CardJourneyState s) {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) MAGIC_0;
        b[1] = (byte) MAGIC_1;
        b[VERSION_AT] = VERSION;
        int flags = 0;
        if (s.lastLeg() != null) {
            flags |= FLAG_LAST_LEG;
            b[GROUP] = (byte) s.lastLeg().legGroupCode();
            BigEndian.write(b, START, ChronoUnit.SECONDS.between(CardJourneyState.EPOCH, s.lastLeg().start()), 4);
            b[TRANSFERS] = (byte) s.lastLeg().transferCount();
            BigEndian.write(b, CHAIN_COST, s.lastLeg().chainCostFen(), 3);
        }
        if (s.entry() != null) {
            flags |= FLAG_ENTRY_OPEN;
            BigEndian.write(b, ENTRY_STOP, s.entry().stopCode(), 2);
            BigEndian.write(b, MAX_FARE, s.entry().maxFareHeldFen(), 3);
        }
        b[FLAGS] = (byte) flags;
        BigEndian.write(b, DAY_KEY, dayNumber(s.dayKey()), 2);
        BigEndian.write(b, DAY_TOTAL, s.dayTotalFen(), 3);
        BigEndian.write(b, WEEK_KEY, dayNumber(s.weekKey()), 2);
        BigEndian.write(b, WEEK_TOTAL, s.weekTotalFen(), 3);
        BigEndian.write(b, LAST_RIDE_DAY, dayNumber(s.lastRideDay()), 2);
        BigEndian.write(b, POINTS, s.points(), 3);
        BigEndian.write(b, CRC, Crc16.of(b, 0, CRC), 2);
        return b;
    }

    static CardStateRead decode(byte[] b) {
        if (b == null || b.length == 0) {
            return CardStateRead.none(CardStateRead.Status.BLANK, "no data");
        }
        if (uniform(b, 0x00) || uniform(b, 0xFF)) {
            return CardStateRead.none(CardStateRead.Status.BLANK, "blank block");
        }
        if (b.length < 2 || (b[0] & 0xFF) != MAGIC_0 || (b[1] & 0xFF) != MAGIC_1) {
            return CardStateRead.none(CardStateRead.Status.FOREIGN, "no Farebox marker");
        }
        if (b.length < 3) {
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "truncated: " + b.length + " of " + LENGTH + " bytes");
        }
        if (b[VERSION_AT] != VERSION) {
            return CardStateRead.none(CardStateRead.Status.UNKNOWN_VERSION, "layout version " + (b[VERSION_AT] & 0xFF));
        }
        if (b.length != LENGTH) {
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "block is " + b.length + " bytes, not " + LENGTH);
        }
        if (BigEndian.read(b, CRC, 2) != Crc16.of(b, 0, CRC)) {
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "checksum mismatch");
        }
        try {
            return fields(b);
        } catch (RuntimeException e) {
            // A checksum-correct block with impossible values: written by a broken writer; still no state.
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "impossible field value: " + e.getMessage());
        }
    }

    private static CardStateRead fields(byte[] b) {
        int flags = b[FLAGS] & 0xFF;
        if ((flags & ~(FLAG_LAST_LEG | FLAG_ENTRY_OPEN)) != 0) {
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "unknown flags " + Integer.toHexString(flags));
        }
        for (int i = RESERVED; i < CRC; i++) {
            if (b[i] != 0) {
                return CardStateRead.none(CardStateRead.Status.CORRUPT, "reserved byte " + i + " is not zero");
            }
        }
        CardJourneyState.LastLeg leg = null;
        if ((flags & FLAG_LAST_LEG) != 0) {
            leg = new CardJourneyState.LastLeg(b[GROUP] & 0xFF,
                    CardJourneyState.EPOCH.plusSeconds(BigEndian.read(b, START, 4)), b[TRANSFERS] & 0xFF,
                    BigEndian.read(b, CHAIN_COST, 3));
        } else if (!zero(b, GROUP, ENTRY_STOP)) {
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "leg fields set without a last leg");
        }
        CardJourneyState.OpenEntry entry = null;
        if ((flags & FLAG_ENTRY_OPEN) != 0) {
            entry = new CardJourneyState.OpenEntry((int) BigEndian.read(b, ENTRY_STOP, 2), BigEndian.read(b, MAX_FARE, 3));
        } else if (!zero(b, ENTRY_STOP, DAY_KEY)) {
            return CardStateRead.none(CardStateRead.Status.CORRUPT, "entry fields set without an open entry");
        }
        return CardStateRead.ok(new CardJourneyState(leg, entry, day(b, DAY_KEY), BigEndian.read(b, DAY_TOTAL, 3),
                day(b, WEEK_KEY), BigEndian.read(b, WEEK_TOTAL, 3), day(b, LAST_RIDE_DAY), BigEndian.read(b, POINTS, 3)));
    }

    static CardStateRead readFrom(byte[] record) {
        if (record == null || record.length != TUnion.JOURNEY_LENGTH) {
            return CardStateRead.none(CardStateRead.Status.FOREIGN, "journey record is "
                    + (record == null ? "missing" : record.length + " bytes") + ", not " + TUnion.JOURNEY_LENGTH);
        }
        if (uniform(record, 0x00) || uniform(record, 0xFF)) {
            return CardStateRead.none(CardStateRead.Status.BLANK, "blank journey record");
        }
        if ((record[0] & 0xFF) != 0x27 || (record[1] & 0xFF) != 0x02) {
            return CardStateRead.none(CardStateRead.Status.FOREIGN, String.format(
                    "record id %02X %02X is not the bus layout 27 02", record[0] & 0xFF, record[1] & 0xFF));
        }
        byte[] block = new byte[LENGTH];
        System.arraycopy(record, RECORD_OFFSET, block, 0, LENGTH);
        return decode(block);
    }

    static byte[] writeInto(byte[] record, CardJourneyState state) {
        if (record == null || record.length != TUnion.JOURNEY_LENGTH) {
            throw new IllegalArgumentException("a 0x1A journey record is " + TUnion.JOURNEY_LENGTH + " bytes");
        }
        byte[] out = record.clone();
        System.arraycopy(encode(state), 0, out, RECORD_OFFSET, LENGTH);
        return out;
    }

    private static int dayNumber(LocalDate day) {
        return day == null ? 0 : (int) ChronoUnit.DAYS.between(CardJourneyState.EPOCH.toLocalDate(), day) + 1;
    }

    private static LocalDate day(byte[] b, int off) {
        long n = BigEndian.read(b, off, 2);
        return n == 0 ? null : CardJourneyState.EPOCH.toLocalDate().plusDays(n - 1);
    }

    private static boolean uniform(byte[] b, int value) {
        for (byte x : b) {
            if ((x & 0xFF) != value) {
                return false;
            }
        }
        return b.length > 0;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
