package org.farebox.testing;

import org.junit.jupiter.api.Assumptions;

/** What a fixture does when a server it needs is absent: skip the test on a workstation, fail it in CI. */
final class MissingInfrastructure {
    private MissingInfrastructure() {
    }

    /**
     * Aborts the calling test (JUnit assumption) with {@code message}, or throws when the environment has
     * {@code CI=true}: a CI run that silently skips its broker or database tests would prove nothing.
     */
    static RuntimeException report(String message) {
        String full = message + " (run scripts/prepare-test-env as root to install and start it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and " + full);
        }
        Assumptions.abort(full);
        return new IllegalStateException(full); // not reached: abort always throws
    }
}
