package org.farebox.simulator.pcsc;

import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** The factory SPI behind {@link SimulatorProvider}: every call hands out a fresh view of the same readers. */
final class SimulatorTerminalFactorySpi extends TerminalFactorySpi {
    private final VirtualReaders readers;

    SimulatorTerminalFactorySpi(VirtualReaders readers) {
        this.readers = readers;
    }

    @Override
    protected CardTerminals engineTerminals() {
        // A new object per call, like the JDK: waitForChange keeps its "since last time" state per object.
        return new SimulatorTerminals(readers);
    }
}
