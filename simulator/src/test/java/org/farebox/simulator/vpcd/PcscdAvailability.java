package org.farebox.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/** The one rule for tests that need the real pcscd: skip without it, except on CI (CI=true) where it must be there. */
public final class PcscdAvailability {
    private PcscdAvailability() {
    }

    /** Returns when pcscd lists {@code readerName}; otherwise skips the test, or fails it when CI=true. */
    public static void requireOrSkip(String readerName) {
        decide(PcscdProbe.whyUnavailable(readerName), PcscdProbe.requiredByCi());
    }

    static void decide(Optional<String> problem, boolean requiredByCi) {
        if (problem.isEmpty()) {
            return;
        }
        if (requiredByCi) {
            fail("CI=true, so this test needs pcscd with the vpcd reader, but " + problem.get());
        }
        assumeTrue(false, "skipped: " + problem.get());
    }

    /** The same for the first vpcd reader, {@value VpcdBridge#FIELD_READER}. */
    public static void requireOrSkip() {
        requireOrSkip(VpcdBridge.FIELD_READER);
    }
}
