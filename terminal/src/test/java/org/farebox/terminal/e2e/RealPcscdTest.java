package org.farebox.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The skip-or-fail rule of the pcscd tests. */
class RealPcscdTest {
    @Test
    void withoutPcscdATestIsSkippedOnADeveloperMachine() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> RealPcscd.decide(Optional.of("pcscd is not running"), false));
        assertTrue(e.getMessage().contains("pcscd is not running"), e.getMessage());
    }

    @Test
    void withoutPcscdATestFailsOnCiSayingWhy() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RealPcscd.decide(Optional.of("pcscd is not running"), true));
        assertTrue(e.getMessage().startsWith("CI=true") && e.getMessage().contains("pcscd is not running"),
                e.getMessage());
    }

    @Test
    void withPcscdTheTestRuns() {
        assertDoesNotThrow(() -> RealPcscd.decide(Optional.empty(), true));
        assertDoesNotThrow(() -> RealPcscd.decide(Optional.empty(), false));
    }
}
