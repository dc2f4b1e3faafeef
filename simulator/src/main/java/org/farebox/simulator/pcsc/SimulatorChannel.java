package org.farebox.simulator.pcsc;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The basic channel of a {@link SimulatorCard}. Like the JDK's PC/SC channel it answers {@code 61xx} with
 * GET RESPONSE and {@code 6Cxx} by resending with the right Le, so the caller sees the same final answers.
 */
final class SimulatorChannel extends CardChannel {
    private static final int MAX_ROUNDS = 256;
    private static final int MIN_RESPONSE_SPACE = 258;

    private final SimulatorCard card;

    SimulatorChannel(SimulatorCard card) {
        this.card = card;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        card.checkState();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        Objects.requireNonNull(command, "command");
        return new ResponseAPDU(exchangeCompletely(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(response, "response");
        if (response.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (command == response) {
            throw new IllegalArgumentException("command and response must not be the same object");
        }
        if (response.remaining() < MIN_RESPONSE_SPACE) {
            throw new IllegalArgumentException("Insufficient space in response buffer");
        }
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        byte[] answer = exchangeCompletely(bytes);
        if (answer.length > response.remaining()) {
            throw new CardException("the response buffer has " + response.remaining()
                    + " bytes left, the answer has " + answer.length);
        }
        response.put(answer);
        return answer.length;
    }

    @Override
    public void close() {
        throw new IllegalStateException("Cannot close basic logical channel");
    }

    private byte[] exchangeCompletely(byte[] command) throws CardException {
        card.checkState();
        card.checkExclusive();
        checkNotManageChannel(command);
        byte[] next = command;
        byte[] collected = new byte[0];
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            byte[] answer = card.exchange(next);
            int n = answer.length;
            if (n == 2 && answer[0] == 0x6C) {
                next = withLe(next, answer[1]);
                continue;
            }
            if (answer[n - 2] == 0x61) {
                collected = concat(collected, answer, n - 2);
                next = new byte[] {next[0], (byte) 0xC0, 0, 0, answer[n - 1]};
                continue;
            }
            return concat(collected, answer, n);
        }
        throw new CardException("Number of response iterations exceeded maximum " + MAX_ROUNDS);
    }

    private static void checkNotManageChannel(byte[] command) {
        if (command.length < 4) {
            throw new IllegalArgumentException("Command APDU must be at least 4 bytes long");
        }
        if (command[0] >= 0 && command[1] == 0x70) {
            throw new IllegalArgumentException("Manage channel command not allowed, use openLogicalChannel()");
        }
    }

    /** The same command with a short Le of {@code le}, replacing any Le it had. */
    private static byte[] withLe(byte[] command, byte le) {
        int ne = le == 0 ? 256 : le & 0xFF;
        try {
            CommandAPDU parsed = new CommandAPDU(command);
            return new CommandAPDU(parsed.getCLA(), parsed.getINS(), parsed.getP1(), parsed.getP2(),
                    parsed.getData(), ne).getBytes();
        } catch (IllegalArgumentException malformed) {
            // Not a well-formed APDU: do what the JDK does and overwrite the last byte.
            byte[] copy = command.clone();
            copy[copy.length - 1] = le;
            return copy;
        }
    }

    private static byte[] concat(byte[] head, byte[] tail, int tailLength) {
        byte[] joined = Arrays.copyOf(head, head.length + tailLength);
        System.arraycopy(tail, 0, joined, head.length, tailLength);
        return joined;
    }

    @Override
    public String toString() {
        return "basic channel of " + card;
    }
}
