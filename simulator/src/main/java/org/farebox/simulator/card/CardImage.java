package org.farebox.simulator.card;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.ManagementInfo;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.protocol.pboc.PurseLogRecord;
import org.farebox.protocol.pboc.TUnion;

/**
 * The persistent state of one virtual T-Union card (its "EEPROM"): files, purse, counters, keys, lock
 * flags and the last transaction proof. Immutable: a {@link VirtualTUnionCard} changes a card by building
 * a new image and swapping it in, which is what makes its debit atomic. Saved as JSON.
 */
public final class CardImage {
    public static final int CARDHOLDER_LENGTH = 55;
    public static final int TRIP_RECORD_LENGTH = 48;
    public static final int TRIP_LOG_CAPACITY = 30;
    public static final int PURSE_LOG_CAPACITY = 10;
    public static final long MAX_BALANCE = 0xFFFFFFFFL;
    public static final long MAX_OVERDRAFT = 0xFFFFFFL;
    public static final int MAX_COUNTER = 0xFFFF;

    private final byte[] publicBasicData;
    private final byte[] cardholder;
    private final byte[] management;
    private final byte[] journey;
    private final List<byte[]> tripLog;
    private final List<byte[]> purseLog;
    private final long balance;
    private final long overdraftLimit;
    private final int offlineCounter;
    private final int onlineCounter;
    private final Map<Integer, CardKeys> keys;
    private final int algorithmId;
    private final boolean legacy;
    private final boolean blocked;
    private final boolean locked;
    private final int macFailures;
    private final TransactionProof lastProof;

    private CardImage(Builder b) {
        publicBasicData = exact(b.publicBasicData, TUnion.PUBLIC_BASIC_DATA_LENGTH, "file 0x15");
        PublicBasicData.parse(publicBasicData);
        cardholder = exact(b.cardholder, CARDHOLDER_LENGTH, "file 0x16");
        management = exact(b.management, TUnion.MANAGEMENT_LENGTH, "file 0x17");
        journey = exact(b.journey, TUnion.JOURNEY_LENGTH, "journey record 0x1A");
        tripLog = records(b.tripLog, TRIP_LOG_CAPACITY, TRIP_RECORD_LENGTH, "trip log 0x1E");
        purseLog = records(b.purseLog, PURSE_LOG_CAPACITY, TUnion.PURSE_LOG_LENGTH, "purse log 0x18");
        for (byte[] rec : purseLog) {
            PurseLogRecord.parse(rec);
        }
        range(b.overdraftLimit, 0, MAX_OVERDRAFT, "overdraft limit");
        range(b.balance, -b.overdraftLimit, MAX_BALANCE, "balance");
        range(b.offlineCounter, 0, MAX_COUNTER, "offline counter");
        range(b.onlineCounter, 0, MAX_COUNTER, "online counter");
        range(b.algorithmId, 0, 0xFF, "algorithm id");
        range(b.macFailures, 0, 0xFF, "MAC failure count");
        if (b.keys.isEmpty()) {
            throw new IllegalArgumentException("a card needs the keys of at least one key index");
        }
        for (int index : b.keys.keySet()) {
            range(index, 0, 0xFF, "key index");
        }
        balance = b.balance;
        overdraftLimit = b.overdraftLimit;
        offlineCounter = b.offlineCounter;
        onlineCounter = b.onlineCounter;
        keys = Collections.unmodifiableMap(new TreeMap<>(b.keys));
        algorithmId = b.algorithmId;
        legacy = b.legacy;
        blocked = b.blocked;
        locked = b.locked;
        macFailures = b.macFailures;
        lastProof = b.lastProof;
    }

    /** Loads an image saved by {@link #save}; errors name the file and the field. */
    public static CardImage load(Path path) throws IOException {
        String text = AtomicFiles.read(path, "card image");
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("card image " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Saves atomically: a crash leaves either the old or the new image, never a half-written file. */
    public void save(Path path) throws IOException {
        AtomicFiles.write(path, toJson());
    }

    public static CardImage fromJson(String json) {
        return CardImageJson.read(json);
    }

    public String toJson() {
        return CardImageJson.write(this);
    }

    public long balance() {
        return balance;
    }

    public long overdraftLimit() {
        return overdraftLimit;
    }

    public int offlineCounter() {
        return offlineCounter;
    }

    public int onlineCounter() {
        return onlineCounter;
    }

    /** The 20-digit application serial from file 0x15. */
    public String serialNumber() {
        return publicBasicData().serialNumber();
    }

    public PublicBasicData publicBasicData() {
        return PublicBasicData.parse(publicBasicData);
    }

    public ManagementInfo managementInfo() {
        return ManagementInfo.parse(management);
    }

    public JourneyRecord journey() {
        return JourneyRecord.parse(journey);
    }

    /** The purse log 0x18, newest first. */
    public List<PurseLogRecord> purseLog() {
        List<PurseLogRecord> out = new ArrayList<>();
        for (byte[] rec : purseLog) {
            out.add(PurseLogRecord.parse(rec));
        }
        return List.copyOf(out);
    }

    /** The raw 48-byte trip records of 0x1E, newest first. */
    public List<byte[]> tripLog() {
        return copies(tripLog);
    }

    public Set<Integer> keyIndexes() {
        return keys.keySet();
    }

    /** The algorithm id reported in 8050; the card computes 3DES whatever it says. */
    public int algorithmId() {
        return algorithmId;
    }

    /** A legacy card answers only SELECT by FID 1001, not the T-Union AID. */
    public boolean legacy() {
        return legacy;
    }

    /** Temporarily blocked by APPLICATION BLOCK: SELECT answers 6283. */
    public boolean blocked() {
        return blocked;
    }

    /** Permanently locked after repeated MAC1 failures: purchase commands answer 9303. */
    public boolean locked() {
        return locked;
    }

    /** Consecutive MAC1 failures since the last good debit. */
    public int macFailureCount() {
        return macFailures;
    }

    public Optional<TransactionProof> lastProof() {
        return Optional.ofNullable(lastProof);
    }

    byte[] publicBasicDataFile() {
        return publicBasicData.clone();
    }

    byte[] cardholderFile() {
        return cardholder.clone();
    }

    byte[] managementFile() {
        return management.clone();
    }

    byte[] journeyFile() {
        return journey.clone();
    }

    List<byte[]> purseLogRecords() {
        return copies(purseLog);
    }

    Map<Integer, CardKeys> keys() {
        return keys;
    }

    /** A builder holding this image's state, to derive a changed image from. */
    Builder edit() {
        Builder b = new Builder();
        b.publicBasicData = publicBasicData.clone();
        b.cardholder = cardholder.clone();
        b.management = management.clone();
        b.journey = journey.clone();
        b.tripLog = copies(tripLog);
        b.purseLog = copies(purseLog);
        b.balance = balance;
        b.overdraftLimit = overdraftLimit;
        b.offlineCounter = offlineCounter;
        b.onlineCounter = onlineCounter;
        b.keys = new TreeMap<>(keys);
        b.algorithmId = algorithmId;
        b.legacy = legacy;
        b.blocked = blocked;
        b.locked = locked;
        b.macFailures = macFailures;
        b.lastProof = lastProof;
        return b;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Mutable draft of an image; {@link #build} checks every field. */
    static final class Builder {
        byte[] publicBasicData;
        byte[] cardholder = new byte[CARDHOLDER_LENGTH];
        byte[] management;
        byte[] journey = JourneyRecord.empty().encode();
        List<byte[]> tripLog = new ArrayList<>();
        List<byte[]> purseLog = new ArrayList<>();
        long balance;
        long overdraftLimit;
        int offlineCounter;
        int onlineCounter;
        Map<Integer, CardKeys> keys = new TreeMap<>();
        int algorithmId;
        boolean legacy;
        boolean blocked;
        boolean locked;
        int macFailures;
        TransactionProof lastProof;

        /** Adds a record in front of a cyclic file, dropping the oldest beyond capacity. */
        static void prepend(List<byte[]> log, byte[] rec, int capacity) {
            log.add(0, rec.clone());
            while (log.size() > capacity) {
                log.remove(log.size() - 1);
            }
        }

        CardImage build() {
            return new CardImage(this);
        }
    }

    private static byte[] exact(byte[] b, int len, String what) {
        if (b == null || b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes, got "
                    + (b == null ? "none" : b.length));
        }
        return b.clone();
    }

    private static List<byte[]> records(List<byte[]> in, int capacity, int len, String what) {
        if (in.size() > capacity) {
            throw new IllegalArgumentException(what + " holds at most " + capacity + " records, got " + in.size());
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(exact(in.get(i), len, what + " record " + (i + 1)));
        }
        return Collections.unmodifiableList(out);
    }

    private static List<byte[]> copies(List<byte[]> in) {
        List<byte[]> out = new ArrayList<>(in.size());
        for (byte[] b : in) {
            out.add(b.clone());
        }
        return out;
    }

    private static void range(long v, long min, long max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is outside " + min + ".." + max);
        }
    }
}
