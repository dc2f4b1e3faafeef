package org.farebox.terminal.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The parts of the status the rest of the terminal knows: backlog, sync, reader and SAM health. Called
 * about once a second from the status thread, so every method must be cheap and must not block.
 */
public interface StatusSource {

    /** Ledger rows not yet acknowledged by clearing, and how long the oldest has waited (null when none). */
    record Backlog(long rows, Duration oldestUnsentAge) {
    }

    /** Health of a part: ok, and a sentence when not (or a description when it is). */
    record Health(boolean ok, String detail) {
        public static Health ok(String detail) {
            return new Health(true, detail);
        }

        public static Health failed(String detail) {
            return new Health(false, detail);
        }
    }

    Backlog backlog();

    /** When clearing last acknowledged a batch. */
    Optional<Instant> lastSyncAt();

    /** Rows acknowledged by clearing since the start. */
    long delivered();

    Health reader();

    Health sam();

    /** A source that knows nothing: for terminals without an uploader, and tests. */
    static StatusSource none() {
        return new StatusSource() {
            @Override
            public Backlog backlog() {
                return new Backlog(0, null);
            }

            @Override
            public Optional<Instant> lastSyncAt() {
                return Optional.empty();
            }

            @Override
            public long delivered() {
                return 0;
            }

            @Override
            public Health reader() {
                return Health.ok("not reported");
            }

            @Override
            public Health sam() {
                return Health.ok("not reported");
            }
        };
    }
}
