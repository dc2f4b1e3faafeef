package org.farebox.simulator.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;

/**
 * The e-purse purchase of a virtual card (PROTOCOLS.md §1.7): INITIALIZE FOR (CAPP) PURCHASE, UPDATE CAPP
 * DATA CACHE, DEBIT FOR PURCHASE and GET TRANSACTION PROVE, with the transient purchase session between them.
 */
final class PurchaseCommands {
    /** Consecutive MAC1 failures after which the application is permanently locked [U: vendor-dependent]. */
    static final int MAC_FAILURES_BEFORE_LOCK = 3;

    /** The state an 8050 opens and only 80DC and 8054 may follow. */
    private static final class Session {
        final boolean capp;
        final int keyIndex;
        final long amount;
        final byte[] terminalNo;
        final byte[] random;
        final int counter;
        byte[] journey;
        final List<byte[]> tripRecords = new ArrayList<>();

        Session(boolean capp, int keyIndex, long amount, byte[] terminalNo, byte[] random, int counter) {
            this.capp = capp;
            this.keyIndex = keyIndex;
            this.amount = amount;
            this.terminalNo = terminalNo;
            this.random = random;
            this.counter = counter;
        }

        int type() {
            return capp ? TUnion.TYPE_CAPP_PURCHASE : TUnion.TYPE_PURCHASE;
        }
    }

    private final VirtualTUnionCard card;
    private final Random random;
    private Session session;

    PurchaseCommands(VirtualTUnionCard card, Random random) {
        this.card = card;
        this.random = random;
    }

    void closeSession() {
        session = null;
    }

    /** 80 50 01|03 02 0B keyIndex amount4 terminalNo6 [0F]. */
    byte[] initialize(CommandApdu c) {
        CardImage image = card.image();
        if ((c.p1 != 0x01 && c.p1 != 0x03) || c.p2 != 0x02) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0x0B || !c.acceptsAnswerOf(15)) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        if (image.locked()) {
            return Responses.sw(StatusWord.APPLICATION_LOCKED);
        }
        if (image.blocked()) {
            return Responses.sw(StatusWord.FUNCTION_NOT_SUPPORTED);
        }
        int keyIndex = c.data[0] & 0xFF;
        CardKeys keys = image.keys().get(keyIndex);
        if (keys == null) {
            return Responses.sw(StatusWord.KEY_INDEX_NOT_SUPPORTED);
        }
        long amount = BigEndian.read(c.data, 1, 4);
        if (image.balance() + image.overdraftLimit() < amount) {
            return Responses.sw(StatusWord.INSUFFICIENT_BALANCE);
        }
        if (image.offlineCounter() >= CardImage.MAX_COUNTER) {
            return Responses.sw(StatusWord.COUNTER_AT_MAXIMUM);
        }
        byte[] rnd = new byte[4];
        random.nextBytes(rnd);
        session = new Session(c.p1 == 0x03, keyIndex, amount, Bytes.slice(c.data, 5, 6), rnd, image.offlineCounter());
        return Responses.ok(Bytes.concat(VirtualTUnionCard.balance4(image.balance()),
                BigEndian.bytes(image.offlineCounter(), 2), BigEndian.bytes(image.overdraftLimit(), 3),
                Bytes.of(keys.version(), image.algorithmId()), rnd));
    }

    /**
     * 80 DC P1 P2 Lc record: cached until the debit commits it. 0x1A takes record 01 of 128 bytes whose
     * record id is 27 02 (else 6A80); 0x1E takes P1 00 ("add as newest") and 48 bytes. Any refusal ends
     * the session, so a terminal cannot debit with a half-written cache.
     */
    byte[] updateCache(CommandApdu c) {
        Session s = session;
        if (s == null || !s.capp) {
            session = null;
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        byte[] refusal = cache(s, c);
        if (refusal != null) {
            session = null;
            return refusal;
        }
        return Responses.sw(StatusWord.OK);
    }

    private byte[] cache(Session s, CommandApdu c) {
        if ((c.p2 & 0x07) != 0) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.le != CommandApdu.NO_LE) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        int sfi = c.p2 >> 3;
        if (sfi == TUnion.SFI_JOURNEY) {
            if (c.p1 != JourneyRecord.RECORD_NUMBER) {
                return Responses.sw(StatusWord.RECORD_NOT_FOUND);
            }
            if (c.lc() != TUnion.JOURNEY_LENGTH) {
                return Responses.sw(StatusWord.WRONG_LENGTH);
            }
            if (c.data[0] != 0x27 || c.data[1] != 0x02) {
                return Responses.sw(Responses.WRONG_DATA);
            }
            s.journey = c.data.clone();
            return null;
        }
        if (sfi == TUnion.SFI_TRIP_LOG) {
            if (c.p1 != 0x00) {
                return Responses.sw(StatusWord.WRONG_P1P2);
            }
            if (c.lc() != CardImage.TRIP_RECORD_LENGTH) {
                return Responses.sw(StatusWord.WRONG_LENGTH);
            }
            s.tripRecords.add(c.data.clone());
            return null;
        }
        return Responses.sw(StatusWord.FILE_NOT_FOUND);
    }

    /** 80 54 01 00 0F terminalSerial4 date4 time3 MAC1 [08]: answers TAC ‖ MAC2. Ends the session whatever happens. */
    byte[] debit(CommandApdu c) {
        Session s = session;
        session = null;
        if (s == null) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        CardImage image = card.image();
        if (image.locked()) {
            return Responses.sw(StatusWord.APPLICATION_LOCKED);
        }
        if (c.p1 != 0x01 || c.p2 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0x0F || !c.acceptsAnswerOf(8)) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        byte[] terminalSerial = Bytes.slice(c.data, 0, 4);
        byte[] dateTime = Bytes.slice(c.data, 4, 7);
        byte[] mac1 = Bytes.slice(c.data, 11, 4);
        try {
            Bcd.parseDateTime(dateTime, 0);
        } catch (IllegalArgumentException e) {
            return Responses.sw(Responses.WRONG_DATA);
        }
        CardKeys keys = image.keys().get(s.keyIndex);
        byte[] sessionKey = PbocCrypto.purchaseSessionKey(keys.dpk(), s.random, s.counter, terminalSerial);
        byte[] expected = PbocCrypto.mac1(sessionKey, s.amount, s.type(), s.terminalNo, dateTime);
        if (!PbocCrypto.sameMac(expected, mac1)) {
            return refuseMac1(image);
        }
        byte[] mac2 = PbocCrypto.mac2(sessionKey, s.amount);
        byte[] tac = PbocCrypto.purchaseTac(keys.dtk(), s.amount, s.type(), s.terminalNo, terminalSerial, dateTime);
        if (!card.commit(debited(image, s, dateTime, mac2, tac))) {
            return Responses.sw(StatusWord.MEMORY_FAILURE);
        }
        return Responses.ok(Bytes.concat(tac, mac2));
    }

    private byte[] refuseMac1(CardImage image) {
        CardImage.Builder b = image.edit();
        b.macFailures = Math.min(image.macFailureCount() + 1, 0xFF);
        b.locked = b.macFailures >= MAC_FAILURES_BEFORE_LOCK;
        // Counting the failure is best effort: a card whose EEPROM write fails still refuses the MAC.
        card.commit(b.build());
        return Responses.sw(StatusWord.MAC_INVALID);
    }

    private static CardImage debited(CardImage image, Session s, byte[] dateTime, byte[] mac2, byte[] tac) {
        CardImage.Builder b = image.edit();
        b.balance = image.balance() - s.amount;
        b.offlineCounter = s.counter + 1;
        byte[] log = Bytes.concat(BigEndian.bytes(s.counter, 2), BigEndian.bytes(image.overdraftLimit(), 3),
                BigEndian.bytes(s.amount, 4), Bytes.of(s.type()), s.terminalNo, dateTime);
        CardImage.Builder.prepend(b.purseLog, log, CardImage.PURSE_LOG_CAPACITY);
        if (s.journey != null) {
            b.journey = s.journey;
        }
        for (byte[] trip : s.tripRecords) {
            CardImage.Builder.prepend(b.tripLog, trip, CardImage.TRIP_LOG_CAPACITY);
        }
        b.lastProof = new TransactionProof(s.type(), s.counter + 1, mac2, tac);
        b.macFailures = 0;
        return b.build();
    }

    /** 80 5A 00 type 02 counter2 [08]: MAC2 ‖ TAC of the stored proof (reverse order of 8054), else 9406. */
    byte[] prove(CommandApdu c) {
        if (c.p1 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0x02 || !c.acceptsAnswerOf(8)) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        int counter = (int) BigEndian.read(c.data, 0, 2);
        TransactionProof proof = card.image().lastProof().orElse(null);
        if (proof == null || proof.type() != c.p2 || proof.counter() != counter) {
            return Responses.sw(StatusWord.PROOF_UNAVAILABLE);
        }
        return Responses.ok(Bytes.concat(proof.mac2(), proof.tac()));
    }
}
