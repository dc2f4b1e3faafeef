package org.farebox.terminal.testkit;

/** Thrown by a {@link CrashingLedger} where the process would have died. */
public final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(CrashPoint at) {
        super("simulated crash " + at);
    }
}
