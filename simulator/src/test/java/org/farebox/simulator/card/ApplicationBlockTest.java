package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.sw;
import static org.farebox.simulator.card.Terminal.swOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;

/** APPLICATION BLOCK with the MAC computed by the PSAM from a card challenge. */
class ApplicationBlockTest {
    private final VirtualTUnionCard card = Fixtures.card(5000);
    private final VirtualPsam psam = Fixtures.psam();

    private byte[] macFromPsam(byte[] challenge, byte[] factors) {
        ok(psam, CardCommands.selectAid(TUnion.PSAM_AID));
        ok(psam, SamCommands.desInit(SamCommands.KEY_USAGE_MAINTENANCE, 1, factors));
        return ok(psam, SamCommands.desComputeMac(Bytes.concat(challenge, new byte[4]),
                CardCommands.applicationBlockHeader()));
    }

    private static byte[] cardFactor() {
        return Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8);
    }

    @Test
    void blockWithTheRightMacBlocksTheApplication() {
        ok(card, CardCommands.selectAid(TUnion.AID));
        byte[] challenge = ok(card, CardCommands.getChallenge());
        byte[] mac = macFromPsam(challenge, cardFactor());

        assertArrayEquals(PbocCrypto.retailMac(Fixtures.ONE_LEVEL.cardKey(MasterKeys.Usage.MAINTENANCE, 1,
                Fixtures.ISSUER_ID, cardFactor()), Bytes.concat(challenge, new byte[4]),
                CardCommands.applicationBlockHeader()), mac, "the PSAM MAC is the retail MAC with the card's DAMK");
        assertEquals(StatusWord.OK, swOf(card, CardCommands.applicationBlock(mac)));
        assertTrue(card.image().blocked());
        card.powerDown();
        assertEquals(StatusWord.SELECTED_FILE_INVALIDATED, sw(card.process(CardCommands.selectAid(TUnion.AID))));
    }

    @Test
    void blockWithAWrongMacIsRefused() {
        ok(card, CardCommands.selectAid(TUnion.AID));
        byte[] challenge = ok(card, CardCommands.getChallenge());
        byte[] mac = macFromPsam(challenge, cardFactor());
        mac[0] ^= 0x01;

        assertEquals(StatusWord.SECURE_MESSAGING_MAC_WRONG, swOf(card, CardCommands.applicationBlock(mac)));
        assertFalse(card.image().blocked());
    }

    @Test
    void blockWithoutAChallengeIsRefused() {
        ok(card, CardCommands.selectAid(TUnion.AID));
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, CardCommands.applicationBlock(new byte[4])));
    }

    @Test
    void challengeServesOnlyTheNextCommand() {
        ok(card, CardCommands.selectAid(TUnion.AID));
        byte[] challenge = ok(card, CardCommands.getChallenge());
        byte[] mac = macFromPsam(challenge, cardFactor());
        ok(card, CardCommands.getBalance());

        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(card, CardCommands.applicationBlock(mac)));
        assertFalse(card.image().blocked());
    }

    @Test
    void getChallengeChecksItsLength() {
        assertEquals(StatusWord.WRONG_LENGTH, swOf(card, Bytes.of(0x00, 0x84, 0x00, 0x00, 0x08)));
        assertEquals(4, ok(card, CardCommands.getChallenge()).length);
    }
}
