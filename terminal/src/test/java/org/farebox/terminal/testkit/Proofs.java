package org.farebox.terminal.testkit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.terminal.ledger.TapRecord;

/** Recomputes a card's proofs from the issuer's master keys, independently of the terminal's code. */
public final class Proofs {
    private Proofs() {
    }

    /**
     * The TAC the card must have computed for the purchase a ledger row describes: amount, type, PSAM
     * terminal number and serial, and the tap's date-time in the terminal's zone.
     */
    public static String expectedTac(MasterKeys keys, int keyIndex, PublicBasicData card, TapRecord row, ZoneId zone) {
        byte[] dtk = keys.cardKey(MasterKeys.Usage.TAC, keyIndex, card.issuerId(), card.diversificationFactor());
        byte[] dateTime = Bcd.dateTime(LocalDateTime.ofInstant(row.time(), zone));
        return Hex.of(PbocCrypto.purchaseTac(dtk, row.amountFen(), row.transactionType(),
                Hex.parse(row.psamTerminalNo()), BigEndian.bytes(row.psamSerial(), 4), dateTime));
    }
}
