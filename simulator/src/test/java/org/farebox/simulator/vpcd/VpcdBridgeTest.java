package org.farebox.simulator.vpcd;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.pcsc.StandInCards;
import org.farebox.simulator.pcsc.StandInCards.CounterCard;
import org.farebox.simulator.pcsc.StandInCards.FunctionCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bridge against a fake vpcd in the test, so the wire protocol is checked without pcscd. */
@Timeout(20)
class VpcdBridgeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeVpcd vpcd;
    private VpcdBridge bridge;

    VpcdBridgeTest() throws IOException {
        vpcd = new FakeVpcd();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (bridge != null) {
            bridge.close();
        }
        vpcd.close();
    }

    private void plugIn(org.farebox.simulator.card.ApduResponder card) throws IOException {
        bridge = VpcdBridge.connect("127.0.0.1", vpcd.port(), card);
        vpcd.accept();
    }

    @Test
    void answersTheAtrRequestWithTheCardsAtr() throws IOException {
        plugIn(StandInCards.echo(atr(3)));
        assertArrayEquals(atr(3), vpcd.exchange((byte) 0x04));
        assertTrue(bridge.isConnected());
    }

    @Test
    void answersACommandApduWithTheCardsResponse() throws IOException {
        plugIn(StandInCards.echo(atr(3)));
        assertEquals("00A40000023F009000", Hex.of(vpcd.exchange(Hex.parse("00A40000023F00"))));
        assertEquals(1, bridge.commandsAnswered());
    }

    @Test
    void powerOffAndResetPowerTheCardDownWithoutReplying() throws IOException {
        CounterCard counter = new CounterCard(atr(3));
        plugIn(counter);
        vpcd.exchange(Hex.parse("80CA0000"));
        vpcd.exchange(Hex.parse("80CA0000"));
        vpcd.send((byte) 0x00);
        vpcd.send((byte) 0x01);
        // Had either control frame been answered, this reply would be that answer and not the counter.
        assertEquals("009000", Hex.of(vpcd.exchange(Hex.parse("80CA0000"))));
        vpcd.send((byte) 0x02);
        assertEquals("009000", Hex.of(vpcd.exchange(Hex.parse("80CA0000"))));
        assertEquals(2, counter.powerDowns.get());
    }

    @Test
    void unknownControlCodesAndEmptyFramesAreIgnored() throws IOException {
        plugIn(StandInCards.echo(atr(3)));
        vpcd.send((byte) 0x03);
        vpcd.send();
        assertArrayEquals(atr(3), vpcd.exchange((byte) 0x04));
    }

    @Test
    void aTornCardClosesTheConnectionSoTheCardLeavesTheReader() throws Exception {
        FunctionCard tearing = StandInCards.tearingAfter(atr(3), 1);
        plugIn(tearing);
        vpcd.exchange(Hex.parse("00B0950000"));
        vpcd.send(Hex.parse("00B0950000"));
        assertTrue(vpcd.bridgeClosed());
        assertTrue(bridge.awaitDisconnected(WAIT));
        assertEquals(1, tearing.powerDowns.get());
    }

    @Test
    void closeTakesTheCardOutAndStopsTheThread() throws Exception {
        FunctionCard card = StandInCards.echo(atr(3));
        plugIn(card);
        vpcd.exchange((byte) 0x04);
        bridge.close();
        assertFalse(bridge.isConnected());
        assertTrue(vpcd.bridgeClosed());
        assertEquals(1, card.powerDowns.get());
        bridge.close();
    }

    @Test
    void vpcdGoingAwayEndsTheBridgeCleanly() throws Exception {
        plugIn(StandInCards.echo(atr(3)));
        vpcd.exchange((byte) 0x04);
        vpcd.dropConnection();
        assertTrue(bridge.awaitDisconnected(WAIT));
    }

    @Test
    void aFrameCutShortEndsTheBridgeCleanly() throws Exception {
        plugIn(StandInCards.echo(atr(3)));
        vpcd.sendRaw((byte) 0x00, (byte) 0x10, (byte) 0x00, (byte) 0xA4);
        vpcd.dropConnection();
        assertTrue(bridge.awaitDisconnected(WAIT));
    }

    @Test
    void aFailingCardAnswers6F00AndStaysInTheReader() throws IOException {
        plugIn(new FunctionCard(atr(3), command -> {
            if (command[1] == 0x01) {
                throw new IllegalStateException("bug in the virtual card");
            }
            return command[1] == 0x02 ? new byte[] {0x61} : null;
        }));
        assertEquals("6F00", Hex.of(vpcd.exchange(Hex.parse("00010000"))));
        assertEquals("6F00", Hex.of(vpcd.exchange(Hex.parse("00020000"))));
        assertEquals("6F00", Hex.of(vpcd.exchange(Hex.parse("00030000"))));
        assertTrue(bridge.isConnected());
    }

    @Test
    void anAnswerTooLongForAFrameBecomes6F00() throws IOException {
        plugIn(new FunctionCard(atr(3), command -> new byte[70_000]));
        assertEquals("6F00", Hex.of(vpcd.exchange(Hex.parse("00B00000"))));
    }

    @Test
    void theLongestFrameGoesThroughBothWays() throws IOException {
        plugIn(StandInCards.echo(atr(3)));
        byte[] command = new byte[0xFFFF - 2];
        Arrays.fill(command, (byte) 0x5A);
        byte[] answer = vpcd.exchange(command);
        assertEquals(0xFFFF, answer.length);
        assertEquals("9000", Hex.of(Arrays.copyOfRange(answer, answer.length - 2, answer.length)));
    }

    @Test
    void theBridgeThreadIsANamedDaemon() throws IOException {
        plugIn(StandInCards.echo(atr(3)));
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("vpcd-bridge-127.0.0.1:" + vpcd.port()))
                .findFirst().orElseThrow();
        assertTrue(thread.isDaemon());
    }

    @Test
    void connectingWhereNothingListensFailsWithIOException() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        assertThrows(ConnectException.class, () -> VpcdBridge.connect("127.0.0.1", closedPort, StandInCards.echo(atr(3))));
        assertThrows(IllegalArgumentException.class, () -> VpcdBridge.connect("127.0.0.1", 70_000, StandInCards.echo(atr(3))));
    }
}
