package org.farebox.fare.card;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.farebox.fare.extension.CapState;
import org.farebox.fare.extension.HeldVoucher;
import org.farebox.fare.extension.PromoState;
import org.farebox.fare.extension.RiderState;

/**
 * The journey state Farebox keeps on a card (38 bytes at offsets 58..95 of the 0x1A bus record; see
 * docs/card-journey-layout.md). {@code lastLeg} and {@code entry} are null when absent, as are the day keys before
 * anything was counted. Amounts are fen; dates are transport days; times are local.
 */
public record CardJourneyState(LastLeg lastLeg, OpenEntry entry, LocalDate dayKey, long dayTotalFen,
        LocalDate weekKey, long weekTotalFen, LocalDate lastRideDay, long points) {
    /** The first moment the layout can express; times and days count from here. */
    public static final LocalDateTime EPOCH = LocalDateTime.of(2020, 1, 1, 0, 0);
    /** Largest value of a 3-byte field: amounts and points saturate here (167,772.15 yuan). */
    public static final long MAX_U24 = 0xFF_FFFFL;
    /** Last day a 2-byte day number can express (day 1 = 2020-01-01, day 0 = none). */
    public static final LocalDate LAST_DAY = EPOCH.toLocalDate().plusDays(0xFFFE);
    /** No state: a fresh journey, nothing counted. */
    public static final CardJourneyState EMPTY = new CardJourneyState(null, null, null, 0, null, 0, null, 0);

    /**
     * The leg the card last paid for: its leg group (a code from the bundle's table, 0 = no group), when it started,
     * how many transfers the chain has made and what the chain has cost so far.
     */
    public record LastLeg(int legGroupCode, LocalDateTime start, int transferCount, long chainCostFen) {
        public LastLeg {
            Objects.requireNonNull(start, "start");
            start = start.truncatedTo(ChronoUnit.SECONDS);
            long seconds = ChronoUnit.SECONDS.between(EPOCH, start);
            if (legGroupCode < 0 || legGroupCode > 255 || transferCount < 0 || transferCount > 255
                    || chainCostFen < 0 || chainCostFen > MAX_U24 || seconds < 0 || seconds > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("last leg out of the card layout's range: " + legGroupCode + ", "
                        + start + ", " + transferCount + ", " + chainCostFen);
            }
        }
    }

    /** An open tap-in: the entry stop (a code from the bundle's table, 1..65535) and the maximum fare held. */
    public record OpenEntry(int stopCode, long maxFareHeldFen) {
        public OpenEntry {
            if (stopCode < 1 || stopCode > 0xFFFF || maxFareHeldFen < 0 || maxFareHeldFen > MAX_U24) {
                throw new IllegalArgumentException("open entry out of the card layout's range: stop " + stopCode
                        + ", max fare " + maxFareHeldFen);
            }
        }
    }

    public CardJourneyState {
        if (entry != null && lastLeg == null) {
            throw new IllegalArgumentException("an open entry needs the leg it opened (its start time)");
        }
        checkDay(dayKey, "dayKey");
        checkDay(weekKey, "weekKey");
        checkDay(lastRideDay, "lastRideDay");
        if (dayTotalFen < 0 || dayTotalFen > MAX_U24 || weekTotalFen < 0 || weekTotalFen > MAX_U24
                || points < 0 || points > MAX_U24) {
            throw new IllegalArgumentException("card accumulators out of range 0.." + MAX_U24);
        }
    }

    /** Encodes the 38-byte block (see {@link CardStateCodec}). */
    public byte[] encode() {
        return CardStateCodec.encode(this);
    }

    /** Decodes a 38-byte block; never throws, whatever the bytes. */
    public static CardStateRead decode(byte[] block) {
        return CardStateCodec.decode(block);
    }

    /** Reads Farebox's block from a whole 0x1A record; another record type reads as {@code FOREIGN}. */
    public static CardStateRead readFrom(byte[] journeyRecord) {
        return CardStateCodec.readFrom(journeyRecord);
    }

    /** A copy of the 128-byte 0x1A record with this state in Farebox's bytes; every other byte is kept. */
    public byte[] writeInto(byte[] journeyRecord) {
        return CardStateCodec.writeInto(journeyRecord, this);
    }

    /**
     * The rider state the extension evaluator needs. The card has no room for per-day rolling totals, so rolling
     * 7-day caps start from zero here (the rider never pays less than the rules say, only misses a rolling cap;
     * account media get it from their history). Vouchers live in accounts, not on cards; pass them in.
     */
    public RiderState toRiderState(List<HeldVoucher> vouchers) {
        CapState caps = new CapState(dayKey, dayTotalFen, weekKey, weekTotalFen, new TreeMap<>());
        return new RiderState(caps, new PromoState(lastRideDay, points), vouchers);
    }

    /** This state with the accumulators of {@code rider}; totals and points beyond 3 bytes saturate. */
    public CardJourneyState withRiderState(RiderState rider) {
        CapState c = rider.caps();
        return new CardJourneyState(lastLeg, entry, clampDay(c.dayKey()), Math.min(c.dayTotalFen(), MAX_U24),
                clampDay(c.weekKey()), Math.min(c.weekTotalFen(), MAX_U24), clampDay(rider.promotions().lastRideDay()),
                Math.min(rider.promotions().points(), MAX_U24));
    }

    public CardJourneyState withLastLeg(LastLeg leg, OpenEntry openEntry) {
        return new CardJourneyState(leg, openEntry, dayKey, dayTotalFen, weekKey, weekTotalFen, lastRideDay, points);
    }

    private static LocalDate clampDay(LocalDate day) {
        return day == null || day.isBefore(EPOCH.toLocalDate()) || day.isAfter(LAST_DAY) ? null : day;
    }

    private static void checkDay(LocalDate day, String what) {
        if (day != null && (day.isBefore(EPOCH.toLocalDate()) || day.isAfter(LAST_DAY))) {
            throw new IllegalArgumentException(what + " " + day + " is outside 2020-01-01.." + LAST_DAY);
        }
    }
}
