package org.farebox.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static Backoff backoff(long seed) {
        return new Backoff(Duration.ofMillis(100), Duration.ofMillis(3200), Duration.ofSeconds(30), new Random(seed));
    }

    @Test
    void delaysDoubleUpToTheMaximumWithJitterInTheUpperHalf() {
        Random seeds = new Random(42);
        for (int round = 0; round < 100; round++) {
            Backoff b = backoff(seeds.nextLong());
            long base = 100;
            for (int attempt = 0; attempt < 10; attempt++) {
                long d = b.nextDelay().toMillis();
                assertTrue(d >= base / 2 && d <= base, "attempt " + attempt + ": " + d + " ms outside [" + base / 2
                        + ", " + base + "]");
                base = Math.min(base * 2, 3200);
            }
            assertEquals(10, b.attempts());
        }
    }

    @Test
    void jitterSpreadsAFleetThatLostTheBrokerTogether() {
        Set<Long> firstDelays = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            Backoff b = backoff(seed);
            for (int i = 0; i < 5; i++) {
                b.nextDelay();
            }
            firstDelays.add(b.nextDelay().toMillis());
        }
        assertTrue(firstDelays.size() > 30, "50 terminals, " + firstDelays.size() + " distinct delays");
    }

    @Test
    void theExponentResetsOnlyAfterAConnectionStayedUpForTheStablePeriod() {
        Backoff b = backoff(7);
        for (int i = 0; i < 5; i++) {
            b.nextDelay();
        }
        b.connected(1_000);
        b.disconnected(1_000 + 29_999); // accepted, then dropped before 30 s: still suspicious
        assertEquals(5, b.attempts());
        assertTrue(b.nextDelay().toMillis() >= 1600, "no reset: the delay keeps growing");

        b.connected(100_000);
        b.disconnected(130_000);
        assertEquals(0, b.attempts());
        assertTrue(b.nextDelay().toMillis() <= 100, "after 30 s up, the next try is quick again");
    }

    @Test
    void aDisconnectWithoutAConnectDoesNotReset() {
        Backoff b = backoff(9);
        b.nextDelay();
        b.nextDelay();
        b.disconnected(1_000_000);
        assertEquals(2, b.attempts());
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), new Random()));
    }
}
