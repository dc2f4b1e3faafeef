package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CardTerminals.State;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SimulatorTerminalsTest {
    private final VirtualReaders readers = new VirtualReaders();
    private final VirtualReader field = readers.add("Farebox Virtual Contactless 0");
    private final VirtualReader sam = readers.add("Farebox Virtual SAM 0");
    private final CardTerminals terminals = factory().terminals();

    private TerminalFactory factory() {
        try {
            return TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listShowsEveryReaderInOrderAndFiltersByPresence() throws CardException {
        sam.insert(StandInCards.echo(atr(9)));
        assertEquals(List.of(field, sam), terminals.list());
        assertEquals(List.of(sam), terminals.list(State.CARD_PRESENT));
        assertEquals(List.of(field), terminals.list(State.CARD_ABSENT));
        assertSame(sam, terminals.getTerminal("Farebox Virtual SAM 0"));
    }

    @Test
    void beforeAnyWaitInsertionMeansPresentAndRemovalMeansAbsent() throws CardException {
        sam.insert(StandInCards.echo(atr(9)));
        assertEquals(List.of(sam), terminals.list(State.CARD_INSERTION));
        assertEquals(List.of(field), terminals.list(State.CARD_REMOVAL));
    }

    @Test
    void theFirstWaitForChangeWaitsForAChangeAndTimesOutWithFalse() throws CardException {
        sam.insert(StandInCards.echo(atr(9)));
        long start = System.nanoTime();
        assertFalse(terminals.waitForChange(50));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void waitForChangeWakesOnInsertionAndReportsIt() throws Exception {
        sam.insert(StandInCards.echo(atr(9)));
        CompletableFuture<Boolean> changed = Threads.parkedWaiter("change-waiter", () -> terminals.waitForChange(0));

        field.insert(StandInCards.echo(atr(1)));

        assertTrue(changed.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(field), terminals.list(State.CARD_INSERTION));
        assertEquals(List.of(), terminals.list(State.CARD_REMOVAL));
    }

    @Test
    void eventsAreRelativeToThePreviousWaitForChange() throws CardException {
        field.insert(StandInCards.echo(atr(1)));
        assertFalse(terminals.waitForChange(10));

        field.remove();
        sam.insert(StandInCards.echo(atr(9)));

        // Both happened since the previous call: it returns at once.
        assertTrue(terminals.waitForChange(1));
        assertEquals(List.of(sam), terminals.list(State.CARD_INSERTION));
        assertEquals(List.of(field), terminals.list(State.CARD_REMOVAL));

        // Nothing since: it waits, and the last events stay as they were.
        assertFalse(terminals.waitForChange(10));
        sam.remove();
        assertTrue(terminals.waitForChange(1));
        assertEquals(List.of(), terminals.list(State.CARD_INSERTION));
        assertEquals(List.of(sam), terminals.list(State.CARD_REMOVAL));
    }

    @Test
    void eachTerminalsObjectKeepsItsOwnEventHistory() throws CardException {
        CardTerminals other = factory().terminals();
        assertFalse(terminals.waitForChange(5));
        field.insert(StandInCards.echo(atr(1)));
        assertTrue(terminals.waitForChange(1));
        assertEquals(List.of(field), terminals.list(State.CARD_INSERTION));
        // The other view never waited: insertion still means present.
        assertEquals(List.of(field), other.list(State.CARD_INSERTION));
        // Its first wait times out: as in the JDK, cards present at that first wait count as inserted.
        assertFalse(other.waitForChange(5));
        assertEquals(List.of(field), other.list(State.CARD_INSERTION));
        field.remove();
        assertTrue(other.waitForChange(1));
        assertEquals(List.of(), other.list(State.CARD_INSERTION));
        assertEquals(List.of(field), other.list(State.CARD_REMOVAL));
    }

    @Test
    void waitForChangeWithoutReadersOrWithANegativeTimeoutIsRefused() {
        CardTerminals empty;
        try {
            empty = TerminalFactory.getInstance(SimulatorProvider.TYPE, new VirtualReaders(), new SimulatorProvider()).terminals();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThrows(IllegalStateException.class, () -> empty.waitForChange(1));
        assertThrows(IllegalArgumentException.class, () -> terminals.waitForChange(-1));
        assertThrows(NullPointerException.class, () -> terminals.list(null));
    }
}
