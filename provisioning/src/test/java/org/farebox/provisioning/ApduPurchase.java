package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Arrays;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.farebox.simulator.card.ApduResponder;

/** A purchase driven APDU by APDU between a card and a PSAM, as a terminal does it, for the tests. */
final class ApduPurchase {
    /** What the purchase produced: the card's answer to DEBIT, its balance after, and the PSAM's answer to MAC2. */
    record Result(int debitStatus, long balanceAfter, int mac2Status) {
    }

    private ApduPurchase() {
    }

    static Result run(ApduResponder card, ApduResponder psam, int keyIndex, long amount, boolean twoLevels) {
        ok(card.process(CardCommands.selectAid(TUnion.AID)), "SELECT card");
        PublicBasicData pub = PublicBasicData.parse(data(card.process(
                CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, TUnion.PUBLIC_BASIC_DATA_LENGTH)), "READ 15"));
        // The terminal number lives at MF level, so it is read before the PSAM application is selected.
        byte[] terminalNo = data(psam.process(CardCommands.readBinary(TUnion.SFI_PSAM_TERMINAL_NUMBER, 6)),
                "READ PSAM 16");
        ok(psam.process(CardCommands.selectAid(TUnion.PSAM_AID)), "SELECT PSAM");
        PurchaseInitResponse init = PurchaseInitResponse.parse(data(card.process(
                CardCommands.initializeForPurchase(false, keyIndex, amount, terminalNo)), "INITIALIZE FOR PURCHASE"));
        byte[] dateTime = Bcd.dateTime(LocalDateTime.of(2026, 11, 22, 8, 30, 0));
        byte[] body = Bytes.concat(init.random(), BigEndian.bytes(init.counter(), 2), BigEndian.bytes(amount, 4),
                Bytes.of(TUnion.TYPE_PURCHASE), dateTime, Bytes.of(init.keyVersion(), init.algorithmId()),
                pub.diversificationFactor());
        if (twoLevels) {
            body = Bytes.concat(body, pub.issuerId());
        }
        byte[] sam = data(psam.process(SamCommands.initSamForPurchase(body)), "INIT SAM FOR PURCHASE");
        byte[] debit = card.process(CardCommands.debitForPurchase(Bytes.slice(sam, 0, 4), dateTime,
                Bytes.slice(sam, 4, 4)));
        long balance = BigEndian.read(data(card.process(CardCommands.getBalance()), "GET BALANCE"), 0, 4);
        if (sw(debit) != StatusWord.OK) {
            return new Result(sw(debit), balance, -1);
        }
        int mac2Status = sw(psam.process(SamCommands.creditSamForPurchase(Bytes.slice(debit, 4, 4))));
        return new Result(StatusWord.OK, balance, mac2Status);
    }

    static int sw(byte[] response) {
        return (int) BigEndian.read(response, response.length - 2, 2);
    }

    private static void ok(byte[] response, String what) {
        assertEquals(StatusWord.OK, sw(response), what + " answered " + StatusWord.hex(sw(response)));
    }

    private static byte[] data(byte[] response, String what) {
        ok(response, what);
        return Arrays.copyOf(response, response.length - 2);
    }
}
