package org.farebox.simulator.vpcd;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.pcsc.StandInCards;
import org.farebox.simulator.pcsc.StandInCards.CounterCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stand-in card through VpcdBridge, vpcd and the real pcscd, read with the JDK's own PC/SC provider: the
 * path the terminal takes on real hardware. Skipped without pcscd, failed without it on CI.
 */
@Timeout(60)
class VpcdPcscdIntegrationTest {
    private static final long PCSCD_NOTICE_MILLIS = 5_000;
    private static final int TIMED_APDUS = 500;

    private CardTerminal reader;
    /** A tag in the ATR that no other test's card has, to be sure the card pcscd sees is ours. */
    private final int atrTag = new Random().nextInt(256);

    @BeforeEach
    void findReader() throws Exception {
        PcscdAvailability.requireOrSkip(VpcdBridge.FIELD_READER);
        reader = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(VpcdBridge.FIELD_READER);
        if (!reader.waitForCardAbsent(15_000)) {
            fail("another virtual card stays in " + VpcdBridge.FIELD_READER + " (port " + VpcdBridge.FIELD_PORT
                    + "): stop whatever else uses vpcd and run again");
        }
    }

    @Test
    void aCardThroughVpcdAnswersTheJdksPcscProviderQuicklyAndLeavesOnClose() throws Exception {
        CounterCard counter = new CounterCard(atr(atrTag));
        Card card;
        try (VpcdBridge bridge = VpcdBridge.connect(VpcdBridge.DEFAULT_HOST, VpcdBridge.FIELD_PORT, counter)) {
            card = connectToOurCard();
            CardChannel channel = card.getBasicChannel();
            CommandAPDU getCounter = new CommandAPDU(Hex.parse("805C000204"));
            for (int i = 0; i < 5; i++) {
                ResponseAPDU response = channel.transmit(getCounter);
                assertEquals(0x9000, response.getSW());
                assertEquals(i, response.getData()[0]);
            }

            long[] nanos = new long[TIMED_APDUS];
            for (int i = 0; i < TIMED_APDUS; i++) {
                long start = System.nanoTime();
                ResponseAPDU response = channel.transmit(getCounter);
                nanos[i] = System.nanoTime() - start;
                assertEquals((byte) (i + 5), response.getData()[0]);
            }
            Arrays.sort(nanos);
            double medianMs = nanos[TIMED_APDUS / 2] / 1e6;
            double p99Ms = nanos[TIMED_APDUS * 99 / 100] / 1e6;
            double meanMs = Arrays.stream(nanos).average().orElseThrow() / 1e6;
            System.out.printf("vpcd round trip per APDU over %d APDUs: median %.3f ms, mean %.3f ms, p99 %.3f ms%n",
                    TIMED_APDUS, medianMs, meanMs, p99Ms);
            // Without TCP_QUICKACK every APDU waits for a delayed ACK (~40 ms); with it, well under a millisecond.
            assertTrue(medianMs < 10, "median round trip " + medianMs + " ms: the delayed-ACK trap is back");
            assertEquals(TIMED_APDUS + 5, bridge.commandsAnswered());
        }

        assertTrue(reader.waitForCardAbsent(PCSCD_NOTICE_MILLIS), "pcscd still sees the card after close()");
        assertThrows(CardException.class, () -> card.getBasicChannel().transmit(new CommandAPDU(Hex.parse("805C000204"))));
    }

    @Test
    void apdusOfEverySizeGoThroughUnchanged() throws Exception {
        try (VpcdBridge bridge = VpcdBridge.connect(VpcdBridge.FIELD_PORT, StandInCards.echo(atr(atrTag)))) {
            CardChannel channel = connectToOurCard().getBasicChannel();
            Random random = new Random(7);
            for (int length : new int[] {0, 1, 16, 128, 250}) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                CommandAPDU command = new CommandAPDU(0x00, 0xD6, 0x00, 0x00, data);
                ResponseAPDU response = channel.transmit(command);
                assertArrayEquals(command.getBytes(), response.getData(), "echo of a " + length + "-byte command");
                assertEquals(0x9000, response.getSW());
            }
        }
        assertTrue(reader.waitForCardAbsent(PCSCD_NOTICE_MILLIS));
    }

    /**
     * vpcd turns a connection lost mid-command into an empty answer, which the JDK's transmit(CommandAPDU)
     * rejects with IllegalArgumentException ("apdu must be at least 2 bytes long"); the next command fails
     * with CardException. Terminal code must treat both as "card gone".
     */
    @Test
    void aTornCardFailsTheTransmitAndLeavesTheReader() throws Exception {
        ApduResponder tearing = StandInCards.tearingAfter(atr(atrTag), 2);
        try (VpcdBridge bridge = VpcdBridge.connect(VpcdBridge.FIELD_PORT, tearing)) {
            CardChannel channel = connectToOurCard().getBasicChannel();
            CommandAPDU read = new CommandAPDU(Hex.parse("00B0950000"));
            channel.transmit(read);
            channel.transmit(read);
            Exception torn = assertThrows(Exception.class, () -> channel.transmit(read));
            System.out.println("the command during the tear, as the JDK reports it: " + torn);
            assertTrue(torn instanceof CardException || torn instanceof IllegalArgumentException, torn.toString());
            assertTrue(bridge.awaitDisconnected(Duration.ofSeconds(5)));
            CardException next = assertThrows(CardException.class, () -> channel.transmit(read));
            System.out.println("the next command, as the JDK reports it: " + next + " / cause " + next.getCause());
        }
        assertTrue(reader.waitForCardAbsent(PCSCD_NOTICE_MILLIS), "pcscd still sees the torn card");
    }

    @Test
    void aCardRemovedBetweenCommandsFailsTheNextOnesAsTheInProcessProviderDoes() throws Exception {
        Card card;
        try (VpcdBridge bridge = VpcdBridge.connect(VpcdBridge.FIELD_PORT, StandInCards.echo(atr(atrTag)))) {
            card = connectToOurCard();
            assertEquals(0x9000, card.getBasicChannel().transmit(new CommandAPDU(Hex.parse("00B0950000"))).getSW());
        }
        // Straight after close, before pcscd's next poll has noticed the card gone.
        CardException removed = assertThrows(CardException.class,
                () -> card.getBasicChannel().transmit(new CommandAPDU(Hex.parse("00B0950000"))));
        System.out.println("a command after removal, as the JDK reports it: " + removed + " / cause " + removed.getCause());
        assertTrue(reader.waitForCardAbsent(PCSCD_NOTICE_MILLIS));
        // The sequence the in-process provider copies: SCARD_W_REMOVED_CARD once, then "Card has been removed".
        CardException later = assertThrows(CardException.class,
                () -> card.getBasicChannel().transmit(new CommandAPDU(Hex.parse("00B0950000"))));
        assertTrue(later.getMessage().contains("SCARD_W_REMOVED_CARD"), later.getMessage());
        IllegalStateException after = assertThrows(IllegalStateException.class, card::getBasicChannel);
        assertEquals("Card has been removed", after.getMessage());
    }

    private Card connectToOurCard() throws CardException {
        assertTrue(reader.waitForCardPresent(PCSCD_NOTICE_MILLIS), "pcscd did not notice the card within 5 s");
        Card card = reader.connect("*");
        byte[] seen = card.getATR().getBytes();
        if (!Arrays.equals(atr(atrTag), seen)) {
            fail("the card in " + VpcdBridge.FIELD_READER + " is not ours (ATR " + Hex.of(seen)
                    + "): another program is connected to vpcd");
        }
        return card;
    }
}
