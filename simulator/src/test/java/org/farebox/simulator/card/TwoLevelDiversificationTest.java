package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.sw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.junit.jupiter.api.Test;

/** Cards issued with two diversification levels (issuer id, then card serial) and an 8070 of Lc 24. */
class TwoLevelDiversificationTest {
    private final VirtualTUnionCard card = new VirtualTUnionCard(new CardIssuer(Fixtures.TWO_LEVEL)
            .issue(Fixtures.profile().build()));
    private final VirtualPsam psam = new VirtualPsam(Fixtures.TWO_LEVEL, PsamProfile.of(Fixtures.TERMINAL_NO, 1));
    private final Terminal terminal = new Terminal(card, psam).bootPsam().selectCard();

    @Test
    void purchaseWithBothFactorsSucceedsEndToEnd() {
        Terminal.Purchase p = terminal.purchase(150, Fixtures.NOW, true);

        assertEquals(4850, card.image().balance());
        byte[] cardFactor = Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8);
        MasterKeys.KeySet keys = Fixtures.TWO_LEVEL.keySet(1);
        byte[] dpk = PbocCrypto.diversify(PbocCrypto.diversify(keys.purchase(), Fixtures.ISSUER_ID), cardFactor);
        byte[] sessionKey = PbocCrypto.purchaseSessionKey(dpk, p.init().random(), 0, p.terminalSerial());
        assertArrayEquals(PbocCrypto.mac2(sessionKey, 150), p.mac2());
        byte[] dtk = PbocCrypto.diversify(PbocCrypto.diversify(keys.tac(), Fixtures.ISSUER_ID), cardFactor);
        assertArrayEquals(PbocCrypto.purchaseTac(dtk, 150, 0x06, Fixtures.TERMINAL_NO, p.terminalSerial(),
                Bcd.dateTime(Fixtures.NOW)), p.tac());
    }

    @Test
    void oneLevelMac1DoesNotOpenATwoLevelCard() {
        PurchaseInitResponse init = terminal.initialize(false, 150);
        byte[] sam = ok(psam, SamCommands.initSamForPurchase(terminal.samData(init, 150, 0x06, Fixtures.NOW, false)));

        assertEquals(StatusWord.MAC_INVALID, sw(terminal.debit(sam, Fixtures.NOW)));
        assertEquals(5000, card.image().balance());
    }
}
