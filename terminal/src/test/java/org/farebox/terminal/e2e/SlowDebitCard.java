package org.farebox.terminal.e2e;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.farebox.simulator.card.ApduResponder;

/**
 * A card that takes its time over DEBIT FOR PURCHASE (80 54): it waits before acting on the command and
 * again before answering, so a kill or a SIGTERM can land inside the purchase on purpose. Other commands
 * pass straight through.
 */
final class SlowDebitCard implements ApduResponder {
    /** Told when a DEBIT arrives, before the card has acted on it. */
    interface DebitListener {
        void debitStarted();
    }

    private final ApduResponder card;
    private final Duration beforeDebit;
    private final Duration beforeAnswer;
    private final DebitListener listener;
    private final CountDownLatch debitSeen = new CountDownLatch(1);

    SlowDebitCard(ApduResponder card, Duration beforeDebit, Duration beforeAnswer, DebitListener listener) {
        this.card = card;
        this.beforeDebit = beforeDebit;
        this.beforeAnswer = beforeAnswer;
        this.listener = listener;
    }

    SlowDebitCard(ApduResponder card, Duration beforeDebit) {
        this(card, beforeDebit, Duration.ZERO, () -> { });
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void powerDown() {
        card.powerDown();
    }

    @Override
    public byte[] process(byte[] command) {
        if (command.length < 2 || (command[0] & 0xFF) != 0x80 || (command[1] & 0xFF) != 0x54) {
            return card.process(command);
        }
        debitSeen.countDown();
        listener.debitStarted();
        pause(beforeDebit);
        byte[] answer = card.process(command);
        pause(beforeAnswer);
        return answer;
    }

    /** Waits until a DEBIT has reached the card. */
    boolean awaitDebit(Duration timeout) throws InterruptedException {
        return debitSeen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // A real card is slow in wall-clock time, and the process being killed or stopped lives in wall-clock time too.
    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
