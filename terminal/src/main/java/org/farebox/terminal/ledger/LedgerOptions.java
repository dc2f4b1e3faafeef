package org.farebox.terminal.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the ledger file is opened. Defaults: synchronous FULL (a commit survives power loss),
 * busy timeout 5 s, system UTC clock (names quarantined files and stamps the cleared mark).
 */
public record LedgerOptions(Synchronous synchronous, Duration busyTimeout, Clock clock) {

    /** SQLite's {@code PRAGMA synchronous} in WAL mode. */
    public enum Synchronous {
        /** fsync on every commit: a commit that returned survives power loss. */
        FULL,
        /** fsync at checkpoints only: survives a process crash, may lose the last commits on power loss. */
        NORMAL
    }

    public LedgerOptions {
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(clock, "clock");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
    }

    public static LedgerOptions defaults() {
        return new LedgerOptions(Synchronous.FULL, Duration.ofSeconds(5), Clock.systemUTC());
    }

    public LedgerOptions withSynchronous(Synchronous value) {
        return new LedgerOptions(value, busyTimeout, clock);
    }

    public LedgerOptions withBusyTimeout(Duration value) {
        return new LedgerOptions(synchronous, value, clock);
    }

    public LedgerOptions withClock(Clock value) {
        return new LedgerOptions(synchronous, busyTimeout, value);
    }
}
