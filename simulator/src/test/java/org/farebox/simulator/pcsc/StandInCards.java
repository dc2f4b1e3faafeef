package org.farebox.simulator.pcsc;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.CardTornException;

/** Small ApduResponders for the reader tests (the real virtual cards live in another package). */
public final class StandInCards {
    /** A valid contactless-style ATR (3B 8F 80 01 ... with TCK); the last byte but one can be varied. */
    public static byte[] atr(int tag) {
        byte[] atr = {0x3B, (byte) 0x88, (byte) 0x80, 0x01, 'F', 'A', 'R', 'E', 'B', 'O', 'X', (byte) tag, 0};
        byte tck = 0;
        for (int i = 1; i < atr.length - 1; i++) {
            tck ^= atr[i];
        }
        atr[atr.length - 1] = tck;
        return atr;
    }

    private StandInCards() {
    }

    /** Answers with a function of the command; counts commands and power-downs. */
    public static class FunctionCard implements ApduResponder {
        private final byte[] atr;
        private final UnaryOperator<byte[]> answer;
        public final AtomicInteger commands = new AtomicInteger();
        public final AtomicInteger powerDowns = new AtomicInteger();

        public FunctionCard(byte[] atr, UnaryOperator<byte[]> answer) {
            this.atr = atr.clone();
            this.answer = answer;
        }

        @Override
        public byte[] atr() {
            return atr.clone();
        }

        @Override
        public byte[] process(byte[] command) {
            commands.incrementAndGet();
            return answer.apply(command);
        }

        @Override
        public void powerDown() {
            powerDowns.incrementAndGet();
        }
    }

    /** Answers every command with the command itself followed by 9000. */
    public static FunctionCard echo(byte[] atr) {
        return new FunctionCard(atr, command -> {
            byte[] response = Arrays.copyOf(command, command.length + 2);
            response[command.length] = (byte) 0x90;
            return response;
        });
    }

    /** Answers every command with one byte that grows by one per command, then 9000; a power-down restarts it at 0. */
    public static class CounterCard extends FunctionCard {
        private int next;

        public CounterCard(byte[] atr) {
            super(atr, c -> null);
        }

        @Override
        public synchronized byte[] process(byte[] command) {
            commands.incrementAndGet();
            return new byte[] {(byte) next++, (byte) 0x90, 0x00};
        }

        @Override
        public synchronized void powerDown() {
            super.powerDown();
            next = 0;
        }
    }

    /** Echoes {@code goodCommands} commands, then tears on the next one. */
    public static FunctionCard tearingAfter(byte[] atr, int goodCommands) {
        AtomicInteger left = new AtomicInteger(goodCommands);
        FunctionCard echo = echo(atr);
        return new FunctionCard(atr, command -> {
            if (left.getAndDecrement() <= 0) {
                throw new CardTornException("stand-in card pulled away");
            }
            return echo.process(command);
        });
    }
}
