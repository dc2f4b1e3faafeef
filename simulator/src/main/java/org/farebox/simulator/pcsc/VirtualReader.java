package org.farebox.simulator.pcsc;

import java.time.Duration;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.CardTornException;
import org.tinylog.Logger;

/**
 * A virtual PC/SC reader: {@link #insert} puts a card into its field, {@link #remove} takes it out, and the
 * terminal's smartcardio code connects and transmits as with a real reader. Safe to drive from several
 * threads (the terminal's reader thread transmits while a test inserts and removes cards).
 */
public final class VirtualReader extends CardTerminal {
    private final String name;
    private final ReaderMonitor monitor;
    /** Serialises calls into the responder: one APDU in the field at a time, and no powerDown during one. */
    private final Object fieldIo = new Object();
    private volatile Duration latency = Duration.ZERO;

    // Guarded by monitor.
    private ApduResponder card;
    /** Counts insertions; identifies one stay of a card in the field, so a Card can tell it was removed. */
    private long insertion;
    /** Counts insertions and removals, for waitForChange. */
    private long events;
    private SimulatorCard connection;

    VirtualReader(String name, ReaderMonitor monitor) {
        this.name = name;
        this.monitor = monitor;
    }

    @Override
    public String getName() {
        return name;
    }

    /** Puts a card into the field; fails if one is already there. */
    public void insert(ApduResponder responder) {
        Objects.requireNonNull(responder, "responder");
        monitor.lock();
        try {
            if (card != null) {
                throw new IllegalStateException("reader \"" + name + "\" already has a card in its field; remove it first");
            }
            card = responder;
            insertion++;
            events++;
            monitor.signalChange();
        } finally {
            monitor.unlock();
        }
    }

    /** Takes the card out of the field (it powers down); does nothing when the field is empty. */
    public void remove() {
        ApduResponder leaving;
        monitor.lock();
        try {
            leaving = takeCardOut();
        } finally {
            monitor.unlock();
        }
        if (leaving != null) {
            synchronized (fieldIo) {
                powerDown(leaving);
            }
        }
    }

    /** Sleeps this long before every APDU, to look like a real field; zero (the default) for none. */
    public void setLatency(Duration perApdu) {
        Objects.requireNonNull(perApdu, "perApdu");
        if (perApdu.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + perApdu);
        }
        latency = perApdu;
    }

    public Duration latency() {
        return latency;
    }

    @Override
    public boolean isCardPresent() {
        monitor.lock();
        try {
            return card != null;
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        monitor.lock();
        try {
            return monitor.awaitUntil(() -> card != null, timeout, "a card in " + name);
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        monitor.lock();
        try {
            return monitor.awaitUntil(() -> card == null, timeout, "an empty field in " + name);
        } finally {
            monitor.unlock();
        }
    }

    /**
     * Connects to the card in the field. As the JDK's PC/SC provider does, a live connection is handed out
     * again rather than opening a second one. Accepts "*", "T=1", "T=0" and "DIRECT"; "*" reports T=1.
     */
    @Override
    public Card connect(String protocol) throws CardException {
        String negotiated = negotiate(protocol);
        monitor.lock();
        try {
            if (connection != null && connection.isLive()) {
                if (protocol.equals("*") || protocol.equalsIgnoreCase(connection.getProtocol())) {
                    return connection;
                }
                throw new CardException("Cannot connect using " + protocol
                        + ", connection already established using " + connection.getProtocol());
            }
            if (card == null) {
                throw new CardNotPresentException("No card present in " + name);
            }
            byte[] atr = card.atr();
            if (atr == null) {
                throw new CardException("the virtual card in " + name + " has no ATR");
            }
            connection = new SimulatorCard(this, insertion, atr, negotiated);
            return connection;
        } finally {
            monitor.unlock();
        }
    }

    private static String negotiate(String protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (protocol.equals("*") || protocol.equalsIgnoreCase("T=1")) {
            return "T=1";
        }
        if (protocol.equalsIgnoreCase("T=0")) {
            return "T=0";
        }
        if (protocol.equalsIgnoreCase("DIRECT")) {
            return "DIRECT";
        }
        throw new IllegalArgumentException("Unsupported protocol " + protocol);
    }

    /** Whether the card that was in the field at {@code insertionId} is still there. */
    boolean isInField(long insertionId) {
        monitor.lock();
        try {
            return card != null && insertion == insertionId;
        } finally {
            monitor.unlock();
        }
    }

    /** Sends one command to the card of stay {@code insertionId}; returns its answer (data || SW, ≥ 2 bytes). */
    byte[] exchange(long insertionId, byte[] command) throws CardException {
        applyLatency();
        synchronized (fieldIo) {
            ApduResponder responder = cardOf(insertionId);
            if (responder == null) {
                throw PcscErrors.torn(name, null);
            }
            byte[] answer;
            try {
                answer = responder.process(command.clone());
            } catch (CardTornException e) {
                tear(insertionId, responder);
                throw PcscErrors.torn(name, e);
            } catch (RuntimeException e) {
                throw new CardException("the virtual card in " + name + " failed: " + e, e);
            }
            if (cardOf(insertionId) == null) {
                throw PcscErrors.torn(name, null);
            }
            if (answer == null || answer.length < 2) {
                throw new CardException("the virtual card in " + name + " answered "
                        + (answer == null ? "nothing" : answer.length + " byte(s)") + "; an answer needs SW1 SW2");
            }
            return answer.clone();
        }
    }

    /** Warm reset of the card of stay {@code insertionId} (disconnect with reset). */
    void reset(long insertionId) {
        synchronized (fieldIo) {
            ApduResponder responder = cardOf(insertionId);
            if (responder != null) {
                powerDown(responder);
            }
        }
    }

    void forget(SimulatorCard disconnected) {
        monitor.lock();
        try {
            if (connection == disconnected) {
                connection = null;
            }
        } finally {
            monitor.unlock();
        }
    }

    private ApduResponder cardOf(long insertionId) {
        monitor.lock();
        try {
            return insertion == insertionId ? card : null;
        } finally {
            monitor.unlock();
        }
    }

    /** The responder tore: it leaves the field, like a card pulled away mid-command. */
    private void tear(long insertionId, ApduResponder responder) {
        monitor.lock();
        try {
            if (insertion != insertionId || card != responder) {
                return;
            }
            takeCardOut();
        } finally {
            monitor.unlock();
        }
        powerDown(responder);
    }

    /** With the monitor held: empties the field and wakes waiters; returns the card that left, or null. */
    private ApduResponder takeCardOut() {
        ApduResponder leaving = card;
        if (leaving != null) {
            card = null;
            events++;
            monitor.signalChange();
        }
        return leaving;
    }

    private void powerDown(ApduResponder responder) {
        try {
            responder.powerDown();
        } catch (RuntimeException e) {
            Logger.warn(e, "virtual card in reader {} failed to power down", name);
        }
    }

    private void applyLatency() throws CardException {
        Duration wait = latency;
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while the command was in the field of " + name, e);
        }
    }

    /** With the monitor held. */
    long eventCount() {
        return events;
    }

    /** With the monitor held. */
    boolean hasCard() {
        return card != null;
    }

    @Override
    public String toString() {
        return "virtual reader " + name;
    }
}
