package org.farebox.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Notices when the wall clock jumps: NTP stepping a drifted RTC, an operator setting the date, a Pi
 * booting without network at 1970. Every card date, validity check and ledger time comes from the wall
 * clock, so a jump is logged with its size; the monotonic clock is the reference.
 */
public final class ClockWatch {
    /** Jumps smaller than this are ordinary NTP slewing and scheduling noise. */
    static final Duration TOLERANCE = Duration.ofSeconds(2);

    private final Clock wall;
    private final LongSupplier monotonicNanos;
    private Instant lastWall;
    private long lastNanos;

    public ClockWatch(Clock wall, LongSupplier monotonicNanos) {
        this.wall = wall;
        this.monotonicNanos = monotonicNanos;
        this.lastWall = wall.instant();
        this.lastNanos = monotonicNanos.getAsLong();
    }

    /** Compares the clocks since the last check; returns the jump when there was one. */
    public Optional<Duration> check() {
        Instant nowWall = wall.instant();
        long nowNanos = monotonicNanos.getAsLong();
        Duration jump = Duration.between(lastWall, nowWall).minusNanos(nowNanos - lastNanos);
        lastWall = nowWall;
        lastNanos = nowNanos;
        if (jump.abs().compareTo(TOLERANCE) < 0) {
            return Optional.empty();
        }
        Logger.warn("wall clock jumped {} by {} s (now {}): card dates and ledger times follow it",
                jump.isNegative() ? "backwards" : "forwards", Math.abs(jump.toMillis()) / 1000.0, nowWall);
        return Optional.of(jump);
    }
}
