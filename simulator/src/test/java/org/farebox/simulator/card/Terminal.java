package org.farebox.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;

/**
 * A minimal terminal for tests: drives a purchase between a card and a PSAM with the protocol module's
 * APDU builders, step by step, so tests can stop, interleave or corrupt any step.
 */
final class Terminal {
    final ApduResponder card;
    final ApduResponder psam;
    byte[] terminalNo;
    int keyIndex;
    PublicBasicData basic;

    Terminal(ApduResponder card, ApduResponder psam) {
        this.card = card;
        this.psam = psam;
    }

    static int sw(byte[] response) {
        return (int) BigEndian.read(response, response.length - 2, 2);
    }

    static byte[] data(byte[] response) {
        return Bytes.slice(response, 0, response.length - 2);
    }

    /** Sends and requires 9000, answering the data. */
    static byte[] ok(ApduResponder r, byte[] apdu) {
        byte[] resp = r.process(apdu);
        assertEquals("9000", StatusWord.hex(sw(resp)), "answer to " + Hex.of(apdu));
        return data(resp);
    }

    static int swOf(ApduResponder r, byte[] apdu) {
        return sw(r.process(apdu));
    }

    /** Boot-time PSAM set-up: terminal number at MF, then the MoT application and its key index. */
    Terminal bootPsam() {
        terminalNo = ok(psam, CardCommands.readBinary(TUnion.SFI_PSAM_TERMINAL_NUMBER, 6));
        ok(psam, CardCommands.selectAid(TUnion.PSAM_AID));
        keyIndex = ok(psam, CardCommands.readBinary(TUnion.SFI_PSAM_KEY_INFO, TUnion.PSAM_KEY_INFO_LENGTH))[0] & 0xFF;
        return this;
    }

    /** Card detection: SELECT the T-Union AID and read file 0x15. */
    Terminal selectCard() {
        ok(card, CardCommands.selectAid(TUnion.AID));
        basic = PublicBasicData.parse(ok(card, CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 30)));
        return this;
    }

    PurchaseInitResponse initialize(boolean capp, long amount) {
        return PurchaseInitResponse.parse(ok(card, CardCommands.initializeForPurchase(capp, keyIndex, amount, terminalNo)));
    }

    /** The 8070 data for this card; two levels add the issuer id as second factor. */
    byte[] samData(PurchaseInitResponse init, long amount, int type, LocalDateTime time, boolean twoLevels) {
        byte[] d = Bytes.concat(init.random(), BigEndian.bytes(init.counter(), 2), BigEndian.bytes(amount, 4),
                Bytes.of(type), Bcd.dateTime(time), Bytes.of(init.keyVersion(), init.algorithmId()),
                basic.diversificationFactor());
        return twoLevels ? Bytes.concat(d, basic.issuerId()) : d;
    }

    /** 8070: answers terminal serial 4 ‖ MAC1 4. */
    byte[] samMac1(PurchaseInitResponse init, long amount, int type, LocalDateTime time, boolean twoLevels) {
        return ok(psam, SamCommands.initSamForPurchase(samData(init, amount, type, time, twoLevels)));
    }

    byte[] debit(byte[] samAnswer, LocalDateTime time) {
        return card.process(CardCommands.debitForPurchase(Bytes.slice(samAnswer, 0, 4), Bcd.dateTime(time),
                Bytes.slice(samAnswer, 4, 4)));
    }

    /** A whole purchase that must succeed end to end, 8072 included. */
    Purchase purchase(long amount, LocalDateTime time, byte[]... cacheRecords) {
        return purchase(amount, time, false, cacheRecords);
    }

    Purchase purchase(long amount, LocalDateTime time, boolean twoLevels, byte[]... cacheCommands) {
        boolean capp = cacheCommands.length > 0;
        PurchaseInitResponse init = initialize(capp, amount);
        int type = capp ? TUnion.TYPE_CAPP_PURCHASE : TUnion.TYPE_PURCHASE;
        byte[] sam = samMac1(init, amount, type, time, twoLevels);
        for (byte[] cmd : cacheCommands) {
            ok(card, cmd);
        }
        byte[] answer = ok(card, CardCommands.debitForPurchase(Bytes.slice(sam, 0, 4), Bcd.dateTime(time),
                Bytes.slice(sam, 4, 4)));
        byte[] tac = Bytes.slice(answer, 0, 4);
        byte[] mac2 = Bytes.slice(answer, 4, 4);
        ok(psam, SamCommands.creditSamForPurchase(mac2));
        return new Purchase(init, Bytes.slice(sam, 0, 4), Bytes.slice(sam, 4, 4), tac, mac2, type);
    }

    /** What one purchase exchanged. */
    record Purchase(PurchaseInitResponse init, byte[] terminalSerial, byte[] mac1, byte[] tac, byte[] mac2, int type) {
    }

    static List<Integer> counters(CardImage image) {
        List<Integer> out = new ArrayList<>();
        image.purseLog().forEach(r -> out.add(r.counter()));
        return out;
    }
}
