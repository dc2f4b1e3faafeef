package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A reader thread transmitting while another thread keeps inserting and removing cards. */
@Timeout(30)
class ConcurrentFieldTest {
    @Test
    void transmitsEitherGetTheRightAnswerOrACardExceptionWhileCardsComeAndGo() throws Exception {
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add("Farebox Virtual Contactless 0");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<int[]> readerThread = pool.submit(() -> transmitUntil(field, stop));
            Future<?> passengers = pool.submit(() -> {
                Random random = new Random(20240611L);
                for (int i = 0; i < 2_000; i++) {
                    field.insert(random.nextBoolean() ? StandInCards.echo(atr(i)) : StandInCards.tearingAfter(atr(i), random.nextInt(5)));
                    for (int spin = random.nextInt(2_000); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    field.remove();
                }
                stop.set(true);
                return null;
            });
            passengers.get();
            int[] counts = readerThread.get();
            System.out.printf("concurrent field: %d answers, %d card errors%n", counts[0], counts[1]);
            assertTrue(counts[0] > 0, "no command ever got through");
            assertTrue(counts[1] > 0, "no command ever met a removal or a tear");
            assertEquals(false, field.isCardPresent());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[] transmitUntil(VirtualReader field, AtomicBoolean stop) throws InterruptedException {
        int answers = 0;
        int errors = 0;
        int n = 0;
        while (!stop.get()) {
            Card card;
            try {
                if (!field.waitForCardPresent(5)) {
                    continue;
                }
                card = field.connect("*");
            } catch (CardNotPresentException gone) {
                continue;
            } catch (CardException e) {
                throw new AssertionError(e);
            }
            try {
                for (int i = 0; i < 10; i++) {
                    byte tag = (byte) n++;
                    ResponseAPDU response = card.getBasicChannel().transmit(new CommandAPDU(0x00, 0xCA, 0x00, tag & 0xFF, 1));
                    assertEquals(tag, response.getBytes()[3], "an answer to another command");
                    answers++;
                }
            } catch (CardException e) {
                errors++;
            } catch (IllegalStateException removed) {
                errors++;
            }
        }
        return new int[] {answers, errors};
    }
}
