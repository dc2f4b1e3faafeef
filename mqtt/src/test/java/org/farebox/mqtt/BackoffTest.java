package org.farebox.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Backoff backoff(long seed) {
        return new Backoff(Duration.ofMillis(100), Duration.ofMillis(5000), Duration.ofSeconds(30), new Random(seed));
    }

    @Test
    void delaysGrowExponentiallyWithinTheirJitterBandUpToTheCap() {
        Backoff b = backoff(1);
        long base = 100;
        for (int i = 0; i < 12; i++) {
            long d = b.nextDelay().toMillis();
            long capped = Math.min(base, 5000);
            assertTrue(d >= capped / 2 && d <= capped, "attempt " + i + ": " + d + " outside [" + capped / 2 + ", "
                    + capped + "]");
            base *= 2;
        }
    }

    @Test
    void jitterSpreadsAFleetThatLostTheBrokerTogether() {
        long[] third = new long[20];
        for (int seed = 0; seed < third.length; seed++) {
            Backoff b = backoff(seed);
            b.nextDelay();
            b.nextDelay();
            third[seed] = b.nextDelay().toMillis();
        }
        long distinct = java.util.Arrays.stream(third).distinct().count();
        assertTrue(distinct >= 15, "only " + distinct + " distinct delays among 20 terminals");
    }

    @Test
    void aShortLivedConnectionDoesNotResetTheExponent() {
        Backoff b = backoff(2);
        for (int i = 0; i < 5; i++) {
            b.nextDelay();
        }
        b.connected(1_000);
        b.disconnected(1_000 + 29_999);
        assertEquals(5, b.attempts());
        assertTrue(b.nextDelay().toMillis() >= 1600, "still backing off after a flapping connection");
    }

    @Test
    void aStableConnectionResetsTheExponent() {
        Backoff b = backoff(3);
        for (int i = 0; i < 5; i++) {
            b.nextDelay();
        }
        b.connected(1_000);
        b.disconnected(1_000 + 30_000);
        assertEquals(0, b.attempts());
        assertTrue(b.nextDelay().toMillis() <= 100);
    }
}
