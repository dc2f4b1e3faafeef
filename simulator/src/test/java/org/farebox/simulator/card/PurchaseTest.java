package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.sw;
import static org.farebox.simulator.card.Terminal.swOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.PurseLogRecord;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;

/** Whole purchases between the virtual card and the virtual PSAM, driven with real APDU bytes. */
class PurchaseTest {
    private final VirtualTUnionCard card = Fixtures.card(5000);
    private final VirtualPsam psam = Fixtures.psam();
    private final Terminal terminal = new Terminal(card, psam).bootPsam().selectCard();

    @Test
    void plainPurchaseDebitsBalanceCountsAndLogs() {
        Terminal.Purchase p = terminal.purchase(200, Fixtures.NOW);

        assertEquals(5000, p.init().balance());
        assertEquals(0, p.init().counter());
        CardImage after = card.image();
        assertEquals(4800, after.balance());
        assertEquals(1, after.offlineCounter());
        List<PurseLogRecord> log = after.purseLog();
        assertEquals(1, log.size());
        PurseLogRecord rec = log.get(0);
        assertEquals(0, rec.counter(), "the log keeps the counter the INIT reported");
        assertEquals(200, rec.amount());
        assertEquals(TUnion.TYPE_PURCHASE, rec.transactionType());
        assertArrayEquals(Fixtures.TERMINAL_NO, rec.terminalNo());
        assertEquals(Fixtures.NOW, rec.time());
        assertEquals(JourneyRecord.STATE_INITIAL, after.journey().state(), "a plain purchase leaves 0x1A alone");
        assertEquals(4800, BigEndian.read(ok(card, CardCommands.getBalance()), 0, 4));
        assertEquals(1, psam.lastTransactionSerial());
    }

    @Test
    void macsAndTacMatchAnIndependentComputation() {
        Terminal.Purchase p = terminal.purchase(321, Fixtures.NOW);

        byte[] factor = Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8);
        MasterKeys.KeySet keys = Fixtures.ONE_LEVEL.keySet(1);
        byte[] dpk = PbocCrypto.diversify(keys.purchase(), factor);
        byte[] dtk = PbocCrypto.diversify(keys.tac(), factor);
        byte[] sessionKey = PbocCrypto.purchaseSessionKey(dpk, p.init().random(), 0, p.terminalSerial());
        byte[] dateTime = Bcd.dateTime(Fixtures.NOW);

        assertArrayEquals(Hex.parse("00000001"), p.terminalSerial());
        assertArrayEquals(PbocCrypto.mac1(sessionKey, 321, 0x06, Fixtures.TERMINAL_NO, dateTime), p.mac1());
        assertArrayEquals(PbocCrypto.mac2(sessionKey, 321), p.mac2());
        assertArrayEquals(PbocCrypto.purchaseTac(dtk, 321, 0x06, Fixtures.TERMINAL_NO, p.terminalSerial(), dateTime),
                p.tac());
    }

    @Test
    void cappPurchaseCommitsJourneyAndTripRecordWithTheDebit() {
        byte[] journey = JourneyRecord.empty().boarded(101, 7, Fixtures.TERMINAL_NO, Fixtures.NOW, 300).encode();
        byte[] trip = new byte[48];
        trip[0] = 0x06;
        trip[47] = 0x42;
        Terminal.Purchase p = terminal.purchase(300, Fixtures.NOW,
                CardCommands.updateCappDataCache(JourneyRecord.RECORD_NUMBER, TUnion.SFI_JOURNEY, journey),
                CardCommands.updateCappDataCache(0x00, TUnion.SFI_TRIP_LOG, trip));

        assertEquals(TUnion.TYPE_CAPP_PURCHASE, p.type());
        CardImage after = card.image();
        assertEquals(4700, after.balance());
        assertEquals(JourneyRecord.STATE_BOARDED, after.journey().state());
        assertEquals(101, after.journey().boardingLine());
        assertEquals(TUnion.TYPE_CAPP_PURCHASE, after.purseLog().get(0).transactionType());
        assertArrayEquals(journey, ok(card, CardCommands.readRecord(TUnion.SFI_JOURNEY, 1, 0x80)));
        assertArrayEquals(trip, ok(card, CardCommands.readRecord(TUnion.SFI_TRIP_LOG, 1, 0x30)));
    }

    @Test
    void cachedRecordsAreDroppedWhenNoDebitFollows() {
        byte[] journey = JourneyRecord.empty().boarded(101, 7, Fixtures.TERMINAL_NO, Fixtures.NOW, 300).encode();
        terminal.initialize(true, 300);
        ok(card, CardCommands.updateCappDataCache(1, TUnion.SFI_JOURNEY, journey));
        ok(card, CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[48]));

        assertEquals(JourneyRecord.STATE_INITIAL,
                JourneyRecord.parse(ok(card, CardCommands.readRecord(TUnion.SFI_JOURNEY, 1, 0x80))).state());
        assertEquals(StatusWord.RECORD_NOT_FOUND, swOf(card, CardCommands.readRecord(TUnion.SFI_TRIP_LOG, 1, 0x30)));
        assertTrue(card.image().tripLog().isEmpty());
    }

    @Test
    void transactionProveAfterDebitAnswersMac2ThenTac() {
        assertEquals(StatusWord.PROOF_UNAVAILABLE, swOf(card, CardCommands.getTransactionProve(0x06, 1)));
        Terminal.Purchase p = terminal.purchase(200, Fixtures.NOW);

        assertArrayEquals(Bytes.concat(p.mac2(), p.tac()), ok(card, CardCommands.getTransactionProve(0x06, 1)));
        assertEquals(StatusWord.PROOF_UNAVAILABLE, swOf(card, CardCommands.getTransactionProve(0x06, 0)),
                "the proof is filed under the counter after the debit");
        assertEquals(StatusWord.PROOF_UNAVAILABLE, swOf(card, CardCommands.getTransactionProve(0x09, 1)));
    }

    @Test
    void wrongMac1ChangesNothingButTheFailureCount() {
        CardImage before = card.image();
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);
        sam[7] ^= 0x01;

        assertEquals(StatusWord.MAC_INVALID, sw(terminal.debit(sam, Fixtures.NOW)));
        CardImage after = card.image();
        assertEquals(before.balance(), after.balance());
        assertEquals(before.offlineCounter(), after.offlineCounter());
        assertTrue(after.purseLog().isEmpty());
        assertFalse(after.lastProof().isPresent());
        assertEquals(1, after.macFailureCount());
        sam[7] ^= 0x01;
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, sw(terminal.debit(sam, Fixtures.NOW)),
                "a refused debit ends the session, even a retry with the right MAC1");
    }

    @Test
    void debitWithAnotherDateTimeThanTheSamSawFailsMac1() {
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);

        assertEquals(StatusWord.MAC_INVALID, sw(terminal.debit(sam, Fixtures.NOW.plusSeconds(1))));
        assertEquals(5000, card.image().balance());
    }

    @Test
    void thirdConsecutiveMac1FailureLocksTheApplication() {
        for (int i = 0; i < 3; i++) {
            PurchaseInitResponse init = terminal.initialize(false, 200);
            byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);
            sam[4] ^= 0x40;
            assertEquals(StatusWord.MAC_INVALID, sw(terminal.debit(sam, Fixtures.NOW)));
        }
        assertTrue(card.image().locked());
        assertEquals(StatusWord.APPLICATION_LOCKED,
                swOf(card, CardCommands.initializeForPurchase(false, 1, 200, Fixtures.TERMINAL_NO)));
        assertEquals(5000, BigEndian.read(ok(card, CardCommands.getBalance()), 0, 4), "reads still work");
    }

    @Test
    void goodDebitResetsTheMacFailureCount() {
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);
        sam[4] ^= 0x40;
        terminal.debit(sam, Fixtures.NOW);
        terminal.debit(sam, Fixtures.NOW);
        assertEquals(1, card.image().macFailureCount());

        terminal.purchase(200, Fixtures.NOW);
        assertEquals(0, card.image().macFailureCount());
    }

    @Test
    void debitWithoutInitializeIsRefused() {
        byte[] debit = CardCommands.debitForPurchase(Hex.parse("00000001"), Bcd.dateTime(Fixtures.NOW), new byte[4]);
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, debit));
    }

    @Test
    void readBetweenInitializeAndDebitEndsTheSession() {
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);
        ok(card, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 30));

        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, sw(terminal.debit(sam, Fixtures.NOW)));
        assertEquals(5000, card.image().balance());
    }

    @Test
    void powerLossEndsTheSession() {
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);
        card.powerDown();
        ok(card, CardCommands.selectAid(TUnion.AID));

        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, sw(terminal.debit(sam, Fixtures.NOW)));
    }

    @Test
    void cacheUpdateIsRefusedOutsideACappSession() {
        byte[] cache = CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[48]);
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, cache));
        terminal.initialize(false, 200);
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, cache));
    }

    @Test
    void purseLogKeepsTheTenNewestFirst() {
        for (int i = 0; i < 12; i++) {
            terminal.purchase(10 + i, Fixtures.NOW.plusMinutes(i));
        }
        CardImage image = card.image();
        assertEquals(List.of(11, 10, 9, 8, 7, 6, 5, 4, 3, 2), Terminal.counters(image));
        assertEquals(5000 - (10 * 12 + 66), image.balance());
        assertEquals(21, PurseLogRecord.parse(ok(card, CardCommands.readRecord(TUnion.SFI_PURSE_LOG, 1, 23))).amount());
        assertEquals(StatusWord.RECORD_NOT_FOUND, swOf(card, CardCommands.readRecord(TUnion.SFI_PURSE_LOG, 11, 23)));
        assertEquals(12, psam.lastTransactionSerial());
    }

    @Test
    void tripLogKeepsThirtyNewestFirst() {
        for (int i = 0; i < 32; i++) {
            byte[] trip = new byte[48];
            trip[47] = (byte) i;
            terminal.purchase(1, Fixtures.NOW, CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, trip));
        }
        List<byte[]> trips = card.image().tripLog();
        assertEquals(30, trips.size());
        assertEquals(31, trips.get(0)[47]);
        assertEquals(2, trips.get(29)[47]);
    }

    @Test
    void zeroAmountCappPurchaseIsAllowedAtTapIn() {
        byte[] journey = JourneyRecord.empty().boarded(5, 1, Fixtures.TERMINAL_NO, Fixtures.NOW, 0).encode();
        terminal.purchase(0, Fixtures.NOW, CardCommands.updateCappDataCache(1, TUnion.SFI_JOURNEY, journey));
        assertEquals(5000, card.image().balance());
        assertEquals(1, card.image().offlineCounter());
        assertEquals(JourneyRecord.STATE_BOARDED, card.image().journey().state());
    }

    @Test
    void overdraftLetsTheBalanceGoBelowZeroUpToTheLimit() {
        VirtualTUnionCard overdraft = new VirtualTUnionCard(new CardIssuer(Fixtures.ONE_LEVEL)
                .issue(Fixtures.profile().initialBalance(100).overdraftLimit(500).build()));
        Terminal t = new Terminal(overdraft, Fixtures.psam()).bootPsam().selectCard();
        t.purchase(300, Fixtures.NOW);
        assertEquals(-200, overdraft.image().balance());
        assertEquals(StatusWord.INSUFFICIENT_BALANCE,
                swOf(overdraft, CardCommands.initializeForPurchase(false, 1, 301, Fixtures.TERMINAL_NO)));
        assertEquals(500, overdraft.image().purseLog().get(0).overdraftLimit());
    }
}
