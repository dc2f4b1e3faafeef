package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import org.farebox.simulator.pcsc.StandInCards.FunctionCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class VirtualReaderPresenceTest {
    private static final CommandAPDU READ = new CommandAPDU(0x00, 0xB0, 0x95, 0x00, 30);

    private final VirtualReaders readers = new VirtualReaders();
    private final VirtualReader field = readers.add("Farebox Virtual Contactless 0");

    @Test
    void insertAndRemoveChangeWhatTheReaderReports() {
        assertFalse(field.isCardPresent());
        field.insert(StandInCards.echo(atr(1)));
        assertTrue(field.isCardPresent());
        field.remove();
        assertFalse(field.isCardPresent());
    }

    @Test
    void insertingASecondCardIsRefusedAndRemovingFromAnEmptyFieldIsHarmless() {
        field.remove();
        field.insert(StandInCards.echo(atr(1)));
        assertThrows(IllegalStateException.class, () -> field.insert(StandInCards.echo(atr(2))));
    }

    @Test
    void removePowersTheCardDownOnce() {
        FunctionCard card = StandInCards.echo(atr(1));
        field.insert(card);
        field.remove();
        field.remove();
        assertEquals(1, card.powerDowns.get());
    }

    @Test
    void waitForCardPresentTimesOutWithFalseAfterTheTimeout() throws CardException {
        long start = System.nanoTime();
        assertFalse(field.waitForCardPresent(50));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void waitForCardPresentReturnsAtOnceWhenACardIsThere() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        assertTrue(field.waitForCardPresent(0));
        assertFalse(field.waitForCardAbsent(20));
    }

    @Test
    void aThreadWaitingForeverForACardWakesWhenOneIsInserted() throws Exception {
        CompletableFuture<Boolean> woke = Threads.parkedWaiter("card-waiter", () -> field.waitForCardPresent(0));
        assertFalse(woke.isDone());

        field.insert(StandInCards.echo(atr(1)));

        assertTrue(woke.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aThreadWaitingForAbsenceWakesWhenTheCardIsRemoved() throws Exception {
        field.insert(StandInCards.echo(atr(1)));
        CompletableFuture<Boolean> woke = Threads.parkedWaiter("absence-waiter", () -> field.waitForCardAbsent(5_000));
        assertFalse(woke.isDone());
        field.remove();
        assertTrue(woke.get(5, TimeUnit.SECONDS));
    }

    @Test
    void negativeTimeoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> field.waitForCardPresent(-1));
        assertThrows(IllegalArgumentException.class, () -> field.waitForCardAbsent(-1));
    }

    @Test
    void anInterruptedWaitThrowsCardExceptionAndKeepsTheInterruptFlag() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                field.waitForCardPresent(0);
                outcome.complete(null);
            } catch (CardException e) {
                outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag lost"));
            }
        });
        waiter.start();
        Threads.awaitParked(waiter);
        waiter.interrupt();
        assertTrue(outcome.get(5, TimeUnit.SECONDS) instanceof CardException);
    }

    @Test
    void transmitAfterRemovalFailsWithRemovedCardThenTheCardIsMarkedRemoved() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        Card card = field.connect("*");
        CardChannel channel = card.getBasicChannel();
        field.remove();

        CardException removed = assertThrows(CardException.class, () -> channel.transmit(READ));
        assertTrue(removed.getMessage().contains("SCARD_W_REMOVED_CARD"), removed.getMessage());
        IllegalStateException later = assertThrows(IllegalStateException.class, () -> channel.transmit(READ));
        assertEquals("Card has been removed", later.getMessage());
    }

    @Test
    void aCardInsertedAgainNeedsANewConnection() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        Card old = field.connect("*");
        field.remove();
        field.insert(StandInCards.echo(atr(2)));

        assertThrows(CardException.class, () -> old.getBasicChannel().transmit(READ));
        Card fresh = field.connect("*");
        assertEquals(2, fresh.getATR().getBytes()[11]);
        assertEquals(0x9000, fresh.getBasicChannel().transmit(READ).getSW());
    }

    @Test
    void aTearFailsTheCommandWithNotTransactedAndEmptiesTheField() throws CardException {
        FunctionCard tearing = StandInCards.tearingAfter(atr(1), 2);
        field.insert(tearing);
        CardChannel channel = field.connect("*").getBasicChannel();
        channel.transmit(READ);
        channel.transmit(READ);

        CardException torn = assertThrows(CardException.class, () -> channel.transmit(READ));

        assertTrue(torn.getMessage().contains("SCARD_E_NOT_TRANSACTED"), torn.getMessage());
        assertFalse(field.isCardPresent());
        assertTrue(field.waitForCardAbsent(1));
        assertEquals(1, tearing.powerDowns.get());
        CardException next = assertThrows(CardException.class, () -> channel.transmit(READ));
        assertTrue(next.getMessage().contains("SCARD_W_REMOVED_CARD"), next.getMessage());
    }

    @Test
    void aTearWakesAThreadWaitingForTheCardToLeave() throws Exception {
        field.insert(StandInCards.tearingAfter(atr(1), 0));
        CardChannel channel = field.connect("*").getBasicChannel();
        CompletableFuture<Boolean> left = Threads.parkedWaiter("tear-waiter", () -> field.waitForCardAbsent(0));
        assertThrows(CardException.class, () -> channel.transmit(READ));
        assertTrue(left.get(5, TimeUnit.SECONDS));
    }
}
