package org.farebox.simulator.pcsc;

import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/** A connection to the card in a {@link VirtualReader}'s field, valid until that card leaves the field. */
final class SimulatorCard extends Card {
    private enum State { OK, REMOVED, DISCONNECTED }

    private final VirtualReader reader;
    private final long insertionId;
    private final ATR atr;
    private final String protocol;
    private final SimulatorChannel basicChannel;
    private volatile State state = State.OK;
    private volatile Thread exclusiveThread;

    SimulatorCard(VirtualReader reader, long insertionId, byte[] atr, String protocol) {
        this.reader = reader;
        this.insertionId = insertionId;
        this.atr = new ATR(atr);
        this.protocol = protocol;
        this.basicChannel = new SimulatorChannel(this);
    }

    @Override
    public ATR getATR() {
        return atr;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public CardChannel getBasicChannel() {
        checkState();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkState();
        throw new CardException("logical channels are not supported by the virtual reader " + reader.getName());
    }

    @Override
    public synchronized void beginExclusive() throws CardException {
        checkState();
        Thread owner = exclusiveThread;
        if (owner != null) {
            throw new CardException("Exclusive access has already been assigned to Thread " + owner.getName());
        }
        requireInField();
        exclusiveThread = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws CardException {
        checkState();
        if (exclusiveThread != Thread.currentThread()) {
            throw new IllegalStateException("Exclusive access not assigned to current Thread");
        }
        try {
            requireInField();
        } finally {
            exclusiveThread = null;
        }
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkState();
        checkExclusive();
        throw new CardException("control commands are not supported by the virtual reader " + reader.getName());
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (state != State.OK) {
            return;
        }
        checkExclusive();
        state = State.DISCONNECTED;
        exclusiveThread = null;
        reader.forget(this);
        if (reset) {
            reader.reset(insertionId);
        }
    }

    /** Sends one command (no GET RESPONSE handling here); see {@link SimulatorChannel}. */
    byte[] exchange(byte[] command) throws CardException {
        checkState();
        checkExclusive();
        requireInField();
        return reader.exchange(insertionId, command);
    }

    /** Connected and its card still in the field. */
    boolean isLive() {
        if (state != State.OK) {
            return false;
        }
        if (!reader.isInField(insertionId)) {
            state = State.REMOVED;
            return false;
        }
        return true;
    }

    void checkState() {
        State s = state;
        if (s == State.DISCONNECTED) {
            throw new IllegalStateException("Card has been disconnected");
        }
        if (s == State.REMOVED) {
            throw new IllegalStateException("Card has been removed");
        }
    }

    void checkExclusive() throws CardException {
        Thread owner = exclusiveThread;
        if (owner != null && owner != Thread.currentThread()) {
            throw new CardException("Exclusive access established by another Thread");
        }
    }

    /** The first call after the card left reports it, later calls find the Card marked removed (as the JDK). */
    private void requireInField() throws CardException {
        if (!reader.isInField(insertionId)) {
            state = State.REMOVED;
            throw PcscErrors.removed(reader.getName());
        }
    }

    @Override
    public String toString() {
        return "virtual card in " + reader.getName() + ", protocol " + protocol + ", state " + state;
    }
}
