package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PatternPlayerTest {

    static {
        QuietPi4jLogs.install();
    }

    private final List<IndicatorState> applied = new CopyOnWriteArrayList<>();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final PatternPlayer player = new PatternPlayer(applied::add, scheduler);

    private IndicatorState current() {
        return applied.get(applied.size() - 1);
    }

    @Test
    void firstStepIsSetBeforePlayReturnsAndTheRestFollowInTime() {
        IndicatorPattern concession = Indicators.patternFor(Display.paid(100, 4800, "student"));
        player.play(concession);
        assertEquals(concession.stateAt(0), current());
        for (long t = 0; t <= 2100; t += 10) {
            assertEquals(concession.stateAt(t), current(), "at " + t + " ms");
            scheduler.advance(10);
        }
        assertEquals(IndicatorState.OFF, current());
    }

    @Test
    void newPatternCallsOffTheRestOfThePreviousOne() {
        player.play(Indicators.patternFor(Display.paid(200, 4800, "adult")));
        scheduler.advance(50);
        player.play(Indicators.patternFor(Display.outOfService("NO SAM")));
        IndicatorState red = new IndicatorState(false, true, false);
        assertEquals(red, current());
        assertEquals(0, scheduler.pendingTasks());
        scheduler.advance(5000);
        assertEquals(red, current(), "the old pattern's final 'off' must not run");
    }

    @Test
    void failingOutputsDoNotReachTheCaller() {
        PatternPlayer broken = new PatternPlayer(state -> {
            throw new IllegalStateException("GPIO gone");
        }, scheduler);
        broken.play(Indicators.patternFor(Display.cardBlocked()));
        scheduler.advance(5000);
        broken.close();
    }

    @Test
    void closeSwitchesEverythingOffAndCallsOffThePattern() {
        player.play(Indicators.patternFor(Display.tapAgain()));
        player.close();
        assertEquals(IndicatorState.OFF, current());
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    void daemonThreadSchedulerPlaysAPatternToItsEnd() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        IndicatorState hold = new IndicatorState(false, true, false);
        List<IndicatorState> seen = new CopyOnWriteArrayList<>();
        try (PatternScheduler real = PatternScheduler.daemonThread("test-indicators")) {
            PatternPlayer realPlayer = new PatternPlayer(state -> {
                seen.add(state);
                if (state.equals(hold)) {
                    ended.countDown();
                }
            }, real);
            realPlayer.play(new IndicatorPattern(List.of(new IndicatorStep(new IndicatorState(true, false, true), 5),
                    new IndicatorStep(new IndicatorState(true, false, false), 5)), hold));
            assertTrue(ended.await(5, TimeUnit.SECONDS), "the hold state was never applied");
        }
        assertEquals(List.of(new IndicatorState(true, false, true), new IndicatorState(true, false, false), hold), seen);
    }
}
