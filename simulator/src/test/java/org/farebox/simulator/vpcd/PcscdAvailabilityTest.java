package org.farebox.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PcscdAvailabilityTest {
    @Test
    void missingPcscdSkipsOutsideCi() {
        assertThrows(TestAbortedException.class, () -> PcscdAvailability.decide(Optional.of("pcscd is not running"), false));
    }

    @Test
    void missingPcscdFailsOnCiAndSaysWhy() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> PcscdAvailability.decide(Optional.of("pcscd is not running"), true));
        assertTrue(failure.getMessage().contains("CI=true") && failure.getMessage().contains("pcscd is not running"), failure.getMessage());
    }

    @Test
    void availablePcscdLetsTheTestRun() {
        assertDoesNotThrow(() -> PcscdAvailability.decide(Optional.empty(), true));
    }

    @Test
    void aReaderPcscdDoesNotHaveIsReportedWithAReason() {
        Optional<String> problem = PcscdProbe.whyUnavailable("Farebox No Such Reader 99");
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("pcscd"), problem.get());
    }
}
