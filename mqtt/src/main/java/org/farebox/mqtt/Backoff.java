package org.farebox.mqtt;

import java.time.Duration;
import java.util.Random;

/**
 * Reconnect delays: exponential from {@code min} to {@code max} with random jitter (half fixed, half
 * random, so a fleet that lost the broker together does not come back in one wave). The exponent is
 * reset only after a connection has stayed up for {@code stableAfter}: a broker that accepts and
 * drops at once must not be hammered at the minimum delay.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final long stableMillis;
    private final Random random;
    private int attempt;
    private long connectedAtMillis = -1;

    public Backoff(Duration min, Duration max, Duration stableAfter, Random random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max");
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.stableMillis = stableAfter.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts as a failed attempt. */
    public synchronized Duration nextDelay() {
        long base = minMillis << Math.min(attempt, 30);
        if (base <= 0 || base > maxMillis) {
            base = maxMillis;
        }
        attempt++;
        long half = base / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (base - half + 1)));
    }

    /** A connection came up at {@code nowMillis} (monotonic). */
    public synchronized void connected(long nowMillis) {
        connectedAtMillis = nowMillis;
    }

    /** The connection went down at {@code nowMillis}; the exponent resets if it had been up long enough. */
    public synchronized void disconnected(long nowMillis) {
        if (connectedAtMillis >= 0 && nowMillis - connectedAtMillis >= stableMillis) {
            attempt = 0;
        }
        connectedAtMillis = -1;
    }

    /** Failed attempts counted since the last reset. */
    public synchronized int attempts() {
        return attempt;
    }
}
