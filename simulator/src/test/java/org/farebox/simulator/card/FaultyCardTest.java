package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.sw;
import static org.farebox.simulator.card.Terminal.swOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;

/** Tears and corrupted answers, and the recovery a terminal builds on them (PROTOCOLS.md §1.8). */
class FaultyCardTest {
    private final VirtualTUnionCard card = Fixtures.card(5000);
    private final VirtualPsam psam = Fixtures.psam();
    private final FaultyCard faulty = new FaultyCard(card);
    private final Terminal terminal = new Terminal(faulty, psam).bootPsam().selectCard();

    @Test
    void tearBeforeDebitLeavesTheCardUntouchedAndTheRetapWorks() {
        faulty.tearBefore(0x54);
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);

        assertThrows(CardTornException.class, () -> terminal.debit(sam, Fixtures.NOW));
        assertEquals(5000, card.image().balance());
        assertEquals(0, card.image().offlineCounter());
        assertFalse(faulty.hasPendingFaults());

        terminal.selectCard();
        assertEquals(0, terminal.initialize(false, 200).counter(), "counter unchanged: the debit did not happen");
        assertEquals(StatusWord.PROOF_UNAVAILABLE, swOf(faulty, CardCommands.getTransactionProve(0x06, 1)));
        terminal.selectCard().purchase(200, Fixtures.NOW);
        assertEquals(4800, card.image().balance());
    }

    @Test
    void tearAfterDebitCommitsAndTheProofRecoversTheAnswer() {
        faulty.tearAfter(0x54);
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);

        assertThrows(CardTornException.class, () -> terminal.debit(sam, Fixtures.NOW));
        assertEquals(4800, card.image().balance());
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(faulty, CardCommands.getBalance()),
                "the tear powered the card down: it must be selected again");

        terminal.selectCard();
        PurchaseInitResponse again = terminal.initialize(false, 0);
        assertEquals(init.counter() + 1, again.counter());
        byte[] proof = ok(faulty, CardCommands.getTransactionProve(0x06, again.counter()));

        byte[] dpk = PbocCrypto.diversify(Fixtures.ONE_LEVEL.keySet(1).purchase(),
                Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8));
        byte[] sessionKey = PbocCrypto.purchaseSessionKey(dpk, init.random(), init.counter(), Bytes.slice(sam, 0, 4));
        assertArrayEquals(PbocCrypto.mac2(sessionKey, 200), Bytes.slice(proof, 0, 4));
        assertEquals(StatusWord.OK, swOf(psam, SamCommands.creditSamForPurchase(Bytes.slice(proof, 0, 4))),
                "the PSAM session is still open, so the recovered MAC2 verifies");
    }

    @Test
    void replacedResponseIsDeliveredOnceThenTheRealAnswer() {
        faulty.replaceResponse(0x5C, Hex.parse("00FF"));
        assertArrayEquals(Hex.parse("00FF"), faulty.process(CardCommands.getBalance()));
        assertArrayEquals(Hex.parse("000013889000"), faulty.process(CardCommands.getBalance()));
    }

    @Test
    void persistentFaultFiresEveryTime() {
        faulty.replaceResponse(0x5C, Hex.parse("6A81")).always();
        for (int i = 0; i < 3; i++) {
            assertEquals(0x6A81, swOf(faulty, CardCommands.getBalance()));
        }
        faulty.clear();
        assertEquals(StatusWord.OK, swOf(faulty, CardCommands.getBalance()));
    }

    @Test
    void faultCanFireAGivenNumberOfTimes() {
        faulty.tearBefore(0x5C).times(2);
        assertThrows(CardTornException.class, () -> faulty.process(CardCommands.getBalance()));
        terminal.selectCard();
        assertThrows(CardTornException.class, () -> faulty.process(CardCommands.getBalance()));
        terminal.selectCard();
        assertEquals(StatusWord.OK, swOf(faulty, CardCommands.getBalance()));
    }

    @Test
    void corruptedMac2IsCaughtByThePsam() {
        faulty.corruptMac2();
        PurchaseInitResponse init = terminal.initialize(false, 200);
        byte[] sam = terminal.samMac1(init, 200, 0x06, Fixtures.NOW, false);
        byte[] answer = terminal.debit(sam, Fixtures.NOW);

        assertEquals(StatusWord.OK, sw(answer));
        assertEquals(4800, card.image().balance(), "the card debited; only the answer is damaged");
        assertEquals(StatusWord.MAC_INVALID, swOf(psam, SamCommands.creditSamForPurchase(Bytes.slice(answer, 4, 4))));
    }

    @Test
    void faultsMatchOnlyTheirInstruction() {
        faulty.tearBefore(0x54);
        ok(faulty, CardCommands.readBinary(TUnion.SFI_MANAGEMENT, 60));
        assertTrue(faulty.hasPendingFaults());
        assertThrows(IllegalStateException.class, () -> new FaultyCard(card).always());
    }
}
