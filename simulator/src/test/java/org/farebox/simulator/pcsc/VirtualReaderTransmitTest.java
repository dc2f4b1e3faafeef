package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.pcsc.StandInCards.CounterCard;
import org.farebox.simulator.pcsc.StandInCards.FunctionCard;
import org.junit.jupiter.api.Test;

class VirtualReaderTransmitTest {
    private final VirtualReaders readers = new VirtualReaders();
    private final VirtualReader field = readers.add("Farebox Virtual Contactless 0");

    @Test
    void transmitHandsTheExactCommandBytesToTheCardAndReturnsItsAnswer() throws CardException {
        List<byte[]> seen = new ArrayList<>();
        field.insert(new FunctionCard(atr(1), command -> {
            seen.add(command);
            return Hex.parse("0102039000");
        }));
        Card card = field.connect("*");

        ResponseAPDU response = card.getBasicChannel().transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, Hex.parse("A000000632010105"), 256));

        assertEquals("00A4040008A00000063201010500", Hex.of(seen.get(0)));
        assertArrayEquals(Hex.parse("010203"), response.getData());
        assertEquals(0x9000, response.getSW());
    }

    @Test
    void connectReportsTheCardsAtrAndT1() throws CardException {
        field.insert(StandInCards.echo(atr(7)));
        Card card = field.connect("*");
        assertArrayEquals(atr(7), card.getATR().getBytes());
        assertEquals("T=1", card.getProtocol());
    }

    @Test
    void connectHandsOutTheLiveConnectionAgainAsTheJdkDoes() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        Card first = field.connect("*");
        assertSame(first, field.connect("T=1"));
        CardException clash = assertThrows(CardException.class, () -> field.connect("T=0"));
        assertTrue(clash.getMessage().contains("already established using T=1"), clash.getMessage());
    }

    @Test
    void connectAcceptsTheFourProtocolNamesAndRejectsOthers() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        for (String protocol : List.of("T=0", "DIRECT", "t=1", "*")) {
            Card card = field.connect(protocol);
            card.disconnect(false);
        }
        assertThrows(IllegalArgumentException.class, () -> field.connect("T=CL"));
    }

    @Test
    void connectWithoutACardThrowsCardNotPresent() {
        assertThrows(CardNotPresentException.class, () -> field.connect("*"));
    }

    @Test
    void byteBufferTransmitWritesTheAnswerIntoTheResponseBuffer() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        CardChannel channel = field.connect("*").getBasicChannel();
        ByteBuffer command = ByteBuffer.wrap(Hex.parse("00B0950000"));
        ByteBuffer response = ByteBuffer.allocate(300);

        int length = channel.transmit(command, response);

        assertEquals(7, length);
        assertEquals("00B09500009000", Hex.of(Arrays.copyOf(response.array(), length)));
        assertFalse(command.hasRemaining());
    }

    @Test
    void byteBufferTransmitRejectsATooSmallResponseBufferBeforeSending() throws CardException {
        FunctionCard card = StandInCards.echo(atr(1));
        field.insert(card);
        CardChannel channel = field.connect("*").getBasicChannel();
        assertThrows(IllegalArgumentException.class, () -> channel.transmit(ByteBuffer.wrap(Hex.parse("00B0950000")), ByteBuffer.allocate(10)));
        assertEquals(0, card.commands.get());
    }

    @Test
    void answer61xxIsCompletedWithGetResponseLikeTheJdk() throws CardException {
        List<String> seen = new ArrayList<>();
        field.insert(new FunctionCard(atr(1), command -> {
            seen.add(Hex.of(command));
            return command[1] == (byte) 0xC0 ? Hex.parse("CCDD9000") : Hex.parse("AABB6102");
        }));
        ResponseAPDU response = field.connect("*").getBasicChannel().transmit(new CommandAPDU(Hex.parse("8050010200")));
        assertEquals(List.of("8050010200", "80C0000002"), seen);
        assertEquals("AABBCCDD9000", Hex.of(response.getBytes()));
    }

    @Test
    void answer6CxxMakesTheCommandGoAgainWithThatLe() throws CardException {
        List<String> seen = new ArrayList<>();
        field.insert(new FunctionCard(atr(1), command -> {
            seen.add(Hex.of(command));
            return command[command.length - 1] == 0x04 ? Hex.parse("112233449000") : Hex.parse("6C04");
        }));
        ResponseAPDU response = field.connect("*").getBasicChannel().transmit(new CommandAPDU(0x00, 0xB2, 0x01, 0xC4, 256));
        assertEquals(List.of("00B201C400", "00B201C404"), seen);
        assertEquals("11223344", Hex.of(response.getData()));
    }

    @Test
    void manageChannelAndLogicalChannelsAreRefused() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        Card card = field.connect("*");
        assertThrows(IllegalArgumentException.class, () -> card.getBasicChannel().transmit(new CommandAPDU(0x00, 0x70, 0x00, 0x00, 1)));
        assertThrows(CardException.class, card::openLogicalChannel);
        assertThrows(IllegalStateException.class, () -> card.getBasicChannel().close());
        assertEquals(0, card.getBasicChannel().getChannelNumber());
    }

    @Test
    void aCardThatFailsOrAnswersTooLittleGivesCardExceptionNotACrash() throws CardException {
        field.insert(new FunctionCard(atr(1), command -> {
            if (command[1] == 0x01) {
                throw new IllegalStateException("bug in the virtual card");
            }
            return new byte[] {(byte) 0x90};
        }));
        CardChannel channel = field.connect("*").getBasicChannel();
        CardException bug = assertThrows(CardException.class, () -> channel.transmit(new CommandAPDU(0, 0x01, 0, 0)));
        assertTrue(bug.getMessage().contains("bug in the virtual card"), bug.getMessage());
        CardException shortAnswer = assertThrows(CardException.class, () -> channel.transmit(new CommandAPDU(0, 0x02, 0, 0)));
        assertTrue(shortAnswer.getMessage().contains("1 byte(s)"), shortAnswer.getMessage());
        assertTrue(field.isCardPresent());
    }

    @Test
    void disconnectWithResetPowersTheCardDownAndWithoutResetDoesNot() throws CardException {
        CounterCard counter = new CounterCard(atr(1));
        field.insert(counter);
        Card card = field.connect("*");
        card.getBasicChannel().transmit(new CommandAPDU(0, 0x10, 0, 0));
        card.disconnect(false);
        assertEquals(0, counter.powerDowns.get());
        assertThrows(IllegalStateException.class, card::getBasicChannel);

        Card again = field.connect("*");
        assertEquals(1, again.getBasicChannel().transmit(new CommandAPDU(0, 0x10, 0, 0)).getData()[0]);
        again.disconnect(true);
        assertEquals(1, counter.powerDowns.get());
        assertEquals(0, field.connect("*").getBasicChannel().transmit(new CommandAPDU(0, 0x10, 0, 0)).getData()[0]);
    }

    @Test
    void latencyDelaysEveryApduByAtLeastTheSetTime() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        field.setLatency(Duration.ofMillis(20));
        CardChannel channel = field.connect("*").getBasicChannel();
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            channel.transmit(new CommandAPDU(0, 0x10, 0, 0));
        }
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(60).toNanos());
        assertThrows(IllegalArgumentException.class, () -> field.setLatency(Duration.ofMillis(-1)));
    }

    @Test
    void tenThousandApdusGoThroughQuickly() throws CardException {
        CounterCard counter = new CounterCard(atr(1));
        field.insert(counter);
        CardChannel channel = field.connect("*").getBasicChannel();
        CommandAPDU command = new CommandAPDU(0x80, 0x5C, 0x00, 0x02, 4);
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            ResponseAPDU response = channel.transmit(command);
            assertEquals((byte) i, response.getData()[0]);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("10k APDUs through the in-process provider: %d ms%n", elapsedMillis);
        assertEquals(10_000, counter.commands.get());
        assertTrue(elapsedMillis < 2_000, "10k APDUs took " + elapsedMillis + " ms");
    }
}
