package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ExclusiveAccessTest {
    private static final CommandAPDU PING = new CommandAPDU(0x00, 0xCA, 0x00, 0x00, 1);

    private final VirtualReaders readers = new VirtualReaders();
    private final VirtualReader field = readers.add("Farebox Virtual Contactless 0");
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    @Test
    void whileOneThreadHoldsTheCardAnotherCanNeitherTransmitNorTakeIt() throws Exception {
        field.insert(StandInCards.echo(atr(1)));
        Card card = field.connect("*");
        card.beginExclusive();

        CardException transmit = failureOf(other.submit(() -> field.connect("*").getBasicChannel().transmit(PING)));
        assertTrue(transmit.getMessage().contains("another Thread"), transmit.getMessage());
        CardException begin = failureOf(other.submit(() -> {
            field.connect("*").beginExclusive();
            return null;
        }));
        assertTrue(begin.getMessage().contains("already been assigned"), begin.getMessage());
        assertEquals(0x9000, card.getBasicChannel().transmit(PING).getSW());

        card.endExclusive();
        assertEquals(0x9000, other.submit(() -> field.connect("*").getBasicChannel().transmit(PING)).get().getSW());
    }

    @Test
    void onlyTheHolderMayEndExclusiveAccess() throws Exception {
        field.insert(StandInCards.echo(atr(1)));
        Card card = field.connect("*");
        assertThrows(IllegalStateException.class, card::endExclusive);
        card.beginExclusive();
        ExecutionException wrongThread = assertThrows(ExecutionException.class, () -> other.submit(() -> {
            card.endExclusive();
            return null;
        }).get());
        assertTrue(wrongThread.getCause() instanceof IllegalStateException);
    }

    @Test
    void removalEndsExclusiveAccessWithAnErrorForTheHolder() throws Exception {
        field.insert(StandInCards.echo(atr(1)));
        Card card = field.connect("*");
        card.beginExclusive();
        field.remove();
        CardException end = assertThrows(CardException.class, card::endExclusive);
        assertTrue(end.getMessage().contains("SCARD_W_REMOVED_CARD"), end.getMessage());

        field.insert(StandInCards.echo(atr(2)));
        assertEquals(0x9000, other.submit(() -> field.connect("*").getBasicChannel().transmit(PING)).get().getSW());
    }

    @Test
    void onlyTheHolderMayDisconnectAndThatReleasesTheCard() throws Exception {
        field.insert(StandInCards.echo(atr(1)));
        Card card = field.connect("*");
        card.beginExclusive();
        CardException notHolder = failureOf(other.submit(() -> {
            card.disconnect(false);
            return null;
        }));
        assertTrue(notHolder.getMessage().contains("another Thread"), notHolder.getMessage());

        card.disconnect(false);

        assertEquals(0x9000, other.submit(() -> field.connect("*").getBasicChannel().transmit(PING)).get().getSW());
    }

    private static CardException failureOf(Future<?> future) throws InterruptedException {
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        assertTrue(e.getCause() instanceof CardException, "expected CardException, got " + e.getCause());
        return (CardException) e.getCause();
    }
}
