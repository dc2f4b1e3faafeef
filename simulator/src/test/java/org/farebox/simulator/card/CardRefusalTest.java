package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.sw;
import static org.farebox.simulator.card.Terminal.swOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;

/** Every status word the virtual card answers instead of doing what was asked. */
class CardRefusalTest {
    private final VirtualTUnionCard card = Fixtures.card(5000);

    private void select() {
        ok(card, CardCommands.selectAid(TUnion.AID));
    }

    private byte[] init(int p1, int p2, int keyIndex, long amount) {
        byte[] apdu = CardCommands.initializeForPurchase(false, keyIndex, amount, Fixtures.TERMINAL_NO);
        apdu[2] = (byte) p1;
        apdu[3] = (byte) p2;
        return apdu;
    }

    @Test
    void selectByAidAnswersFciCarryingFile15() {
        byte[] fci = ok(card, CardCommands.selectAid(TUnion.AID));
        byte[] file15 = card.image().publicBasicDataFile();
        assertArrayEquals(Bytes.concat(Hex.parse("6F2D8408A000000632010105A5219F0C1E"), file15), fci);
    }

    @Test
    void legacyCardAnswersOnlyTheEpDf() {
        VirtualTUnionCard legacy = new VirtualTUnionCard(new CardIssuer(Fixtures.ONE_LEVEL)
                .issue(Fixtures.profile().legacy(true).build()));
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(legacy, CardCommands.selectAid(TUnion.AID)));
        byte[] fci = ok(legacy, CardCommands.selectFid(TUnion.EP_DF_FID));
        assertArrayEquals(Hex.parse("6F23A5219F0C1E"), Bytes.slice(fci, 0, 7));
        assertEquals(30, ok(legacy, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 30)).length);
    }

    @Test
    void selectOfUnknownAidOrFidIsNotFound() {
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(card, CardCommands.selectAid(Hex.parse("A000000333010101"))));
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(card, CardCommands.selectFid(0x1002)));
        assertEquals(StatusWord.OK, swOf(card, CardCommands.selectFid(0x3F00)));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED,
                swOf(card, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 30)), "the MF is not the purse");
    }

    @Test
    void applicationCommandsBeforeSelectAreRefused() {
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, CardCommands.readBinary(0x15, 30)));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, CardCommands.readRecord(0x18, 1, 23)));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, CardCommands.getBalance()));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, init(1, 2, 1, 100)));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, CardCommands.getTransactionProve(6, 1)));
    }

    @Test
    void readBinaryChecksSfiOffsetAndLength() {
        select();
        assertEquals(55, ok(card, CardCommands.readBinary(TUnion.SFI_CARDHOLDER, 0)).length, "Le 00 reads it all");
        assertEquals(60, ok(card, CardCommands.readBinary(TUnion.SFI_MANAGEMENT, 0x3C)).length);
        assertEquals(0x6C1E, swOf(card, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 0x20)),
                "Le beyond the file answers 6C with the right length");
        assertArrayEquals(Bytes.slice(card.image().publicBasicDataFile(), 0, 8),
                ok(card, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 8)));
        assertArrayEquals(Bytes.slice(card.image().publicBasicDataFile(), 10, 10),
                ok(card, Bytes.of(0x00, 0xB0, 0x95, 10, 10)));
        assertEquals(0x6B00, swOf(card, Bytes.of(0x00, 0xB0, 0x95, 30, 1)));
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(card, CardCommands.readBinary(0x05, 10)));
        assertEquals(0x6981, swOf(card, CardCommands.readBinary(TUnion.SFI_PURSE_LOG, 23)));
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, Bytes.of(0x00, 0xB0, 0x00, 0x00, 0x10)));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, Bytes.of(0x00, 0xB0, 0x95, 0x00)));
    }

    @Test
    void readRecordChecksRecordAndAddressing() {
        select();
        assertEquals(StatusWord.RECORD_NOT_FOUND, swOf(card, CardCommands.readRecord(TUnion.SFI_PURSE_LOG, 1, 23)));
        assertEquals(128, ok(card, CardCommands.readRecord(TUnion.SFI_JOURNEY, 1, 0)).length);
        assertEquals(StatusWord.RECORD_NOT_FOUND, swOf(card, CardCommands.readRecord(TUnion.SFI_JOURNEY, 2, 0x80)));
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(card, CardCommands.readRecord(0x07, 1, 10)));
        assertEquals(0x6981, swOf(card, CardCommands.readRecord(TUnion.SFI_PUBLIC_BASIC_DATA, 1, 30)));
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, Bytes.of(0x00, 0xB2, 0x01, 0xC0, 0x17)));
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, Bytes.of(0x00, 0xB2, 0x00, 0xC4, 0x17)));
    }

    @Test
    void getBalanceAnswersFourBytesAndChecksParameters() {
        select();
        assertArrayEquals(Hex.parse("00001388"), ok(card, CardCommands.getBalance()));
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, Bytes.of(0x80, 0x5C, 0x00, 0x01, 0x04)));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, Bytes.of(0x80, 0x5C, 0x00, 0x02, 0x08)));
    }

    @Test
    void initializeRefusesUnknownKeyIndex() {
        select();
        assertEquals(StatusWord.KEY_INDEX_NOT_SUPPORTED, swOf(card, init(1, 2, 2, 100)));
    }

    @Test
    void initializeRefusesAmountBeyondBalance() {
        select();
        assertEquals(StatusWord.INSUFFICIENT_BALANCE, swOf(card, init(1, 2, 1, 5001)));
        assertEquals(StatusWord.OK, swOf(card, init(1, 2, 1, 5000)));
    }

    @Test
    void initializeRefusesCounterAtMaximum() {
        CardImage.Builder b = Fixtures.image(5000).edit();
        b.offlineCounter = 0xFFFF;
        VirtualTUnionCard exhausted = new VirtualTUnionCard(b.build());
        ok(exhausted, CardCommands.selectAid(TUnion.AID));
        assertEquals(StatusWord.COUNTER_AT_MAXIMUM, swOf(exhausted, init(1, 2, 1, 100)));
    }

    @Test
    void initializeRefusesBadParametersAndLength() {
        select();
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, init(0x02, 0x02, 1, 100)));
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, init(0x00, 0x02, 1, 100)), "load is not supported");
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, init(0x01, 0x01, 1, 100)));
        byte[] shortData = Bytes.concat(Bytes.of(0x80, 0x50, 0x01, 0x02, 0x0A, 0x01), Hex.parse("00000064001122334455"));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, shortData));
    }

    @Test
    void initializeReportsTheConfiguredAlgorithmId() {
        VirtualTUnionCard sm4 = new VirtualTUnionCard(new CardIssuer(Fixtures.ONE_LEVEL)
                .issue(Fixtures.profile().algorithmId(0x04).build()));
        ok(sm4, CardCommands.selectAid(TUnion.AID));
        PurchaseInitResponse init = PurchaseInitResponse.parse(ok(sm4, init(1, 2, 1, 100)));
        assertEquals(0x04, init.algorithmId());
        assertEquals(0x01, init.keyVersion());
    }

    @Test
    void initializeAnswersAFreshRandomEachTime() {
        select();
        byte[] a = PurchaseInitResponse.parse(ok(card, init(1, 2, 1, 100))).random();
        byte[] b = PurchaseInitResponse.parse(ok(card, init(1, 2, 1, 100))).random();
        assertEquals(false, java.util.Arrays.equals(a, b));
    }

    @Test
    void cacheUpdateChecksAddressingLengthAndRecordId() {
        select();
        byte[] cappInit = CardCommands.initializeForPurchase(true, 1, 100, Fixtures.TERMINAL_NO);
        byte[] journey = org.farebox.protocol.pboc.JourneyRecord.empty().encode();

        ok(card, cappInit);
        byte[] lowBits = CardCommands.updateCappDataCache(1, TUnion.SFI_JOURNEY, journey);
        lowBits[3] |= 0x04;
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, lowBits));
        ok(card, cappInit);
        assertEquals(StatusWord.WRONG_LENGTH,
                swOf(card, CardCommands.updateCappDataCache(1, TUnion.SFI_JOURNEY, Bytes.slice(journey, 0, 127))));
        ok(card, cappInit);
        assertEquals(StatusWord.WRONG_LENGTH,
                swOf(card, CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[47])));
        ok(card, cappInit);
        byte[] otherId = journey.clone();
        otherId[1] = 0x01;
        assertEquals(0x6A80, swOf(card, CardCommands.updateCappDataCache(1, TUnion.SFI_JOURNEY, otherId)));
        ok(card, cappInit);
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(card, CardCommands.updateCappDataCache(1, 0x19, new byte[16])));
        ok(card, cappInit);
        assertEquals(StatusWord.RECORD_NOT_FOUND,
                swOf(card, CardCommands.updateCappDataCache(2, TUnion.SFI_JOURNEY, journey)));
    }

    @Test
    void refusedCacheUpdateEndsTheSession() {
        select();
        ok(card, CardCommands.initializeForPurchase(true, 1, 100, Fixtures.TERMINAL_NO));
        swOf(card, CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[47]));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED,
                swOf(card, CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[48])));
    }

    @Test
    void debitChecksParametersLengthAndDateTime() {
        select();
        byte[] good = CardCommands.debitForPurchase(Hex.parse("00000001"), Bcd.dateTime(Fixtures.NOW), new byte[4]);
        ok(card, init(1, 2, 1, 100));
        byte[] p1 = good.clone();
        p1[2] = 0x02;
        assertEquals(StatusWord.WRONG_P1P2, swOf(card, p1));
        ok(card, init(1, 2, 1, 100));
        byte[] shortDebit = Bytes.concat(Bytes.of(0x80, 0x54, 0x01, 0x00, 0x0E), new byte[14]);
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, shortDebit));
        ok(card, init(1, 2, 1, 100));
        byte[] badDate = CardCommands.debitForPurchase(Hex.parse("00000001"), Hex.parse("20241332120000"), new byte[4]);
        assertEquals(0x6A80, swOf(card, badDate));
        assertEquals(0, card.image().macFailureCount(), "a malformed debit is not a MAC failure");
    }

    @Test
    void unknownInstructionsClassesAndMalformedApdusGetStatusWords() {
        select();
        assertEquals(StatusWord.INS_NOT_SUPPORTED, swOf(card, Bytes.of(0x80, 0x52, 0x00, 0x00, 0x0B)));
        assertEquals(StatusWord.INS_NOT_SUPPORTED, swOf(card, Bytes.of(0x00, 0xCA, 0x9F, 0x7F, 0x00)));
        assertEquals(StatusWord.CLA_NOT_SUPPORTED, swOf(card, Bytes.of(0x90, 0xB0, 0x95, 0x00, 0x1E)));
        assertEquals(StatusWord.CLA_NOT_SUPPORTED, swOf(card, Bytes.of(0x00, 0x5C, 0x00, 0x02, 0x04)),
                "a known INS under the wrong class");
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, Bytes.of(0x00, 0xB0, 0x95)));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, new byte[0]));
        assertEquals(StatusWord.WRONG_LENGTH, sw(card.process(null)));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, Bytes.of(0x80, 0x50, 0x01, 0x02, 0x0B, 0x01, 0x02)),
                "Lc says 11 bytes but 2 came");
    }

    @Test
    void temporarilyBlockedApplicationSelectsWith6283AndRefusesPurchase() {
        CardImage.Builder b = Fixtures.image(5000).edit();
        b.blocked = true;
        VirtualTUnionCard blocked = new VirtualTUnionCard(b.build());
        byte[] answer = blocked.process(CardCommands.selectAid(TUnion.AID));
        assertEquals(StatusWord.SELECTED_FILE_INVALIDATED, sw(answer));
        assertEquals(0x6F, answer[0] & 0xFF, "the FCI still comes with 6283");
        assertEquals(StatusWord.FUNCTION_NOT_SUPPORTED, swOf(blocked, init(1, 2, 1, 100)));
        assertEquals(30, ok(blocked, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 30)).length);
    }

    @Test
    void permanentlyLockedApplicationRefusesPurchaseWith9303() {
        CardImage.Builder b = Fixtures.image(5000).edit();
        b.locked = true;
        VirtualTUnionCard locked = new VirtualTUnionCard(b.build());
        select(locked);
        assertEquals(StatusWord.APPLICATION_LOCKED, swOf(locked, init(1, 2, 1, 100)));
    }

    private static void select(VirtualTUnionCard c) {
        ok(c, CardCommands.selectAid(TUnion.AID));
    }
}
