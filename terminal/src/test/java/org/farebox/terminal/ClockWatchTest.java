package org.farebox.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.farebox.terminal.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class ClockWatchTest {
    private final MutableClock wall = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ClockWatch watch = new ClockWatch(wall, nanos::get);

    private void elapse(Duration d) {
        wall.advance(d);
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void clocksRunningTogetherAreNoJump() {
        elapse(Duration.ofMinutes(5));
        assertTrue(watch.check().isEmpty());
    }

    @Test
    void wallClockSetBackIsReportedWithItsSize() {
        elapse(Duration.ofSeconds(10));
        wall.advance(Duration.ofHours(-1));
        assertEquals(Duration.ofHours(-1), watch.check().orElseThrow());
    }

    @Test
    void wallClockSteppedForwardIsReportedOnceThenQuiet() {
        wall.advance(Duration.ofDays(3));
        assertEquals(Duration.ofDays(3), watch.check().orElseThrow());
        elapse(Duration.ofSeconds(30));
        assertTrue(watch.check().isEmpty());
    }

    @Test
    void slewOfASecondIsTolerated() {
        elapse(Duration.ofMinutes(1));
        wall.advance(Duration.ofMillis(900));
        assertTrue(watch.check().isEmpty());
    }
}
