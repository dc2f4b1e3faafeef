package org.farebox.terminal.hmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * Plays indicator patterns on outputs: the first step at once, on the caller's thread, the rest on the
 * scheduler. A new pattern calls off what is left of the previous one. Every step is scheduled from the
 * start of its pattern, so late steps do not push the ones after them.
 */
final class PatternPlayer implements AutoCloseable {

    private final IndicatorOutputs outputs;
    private final PatternScheduler scheduler;
    private final Object lock = new Object();
    private final List<PatternScheduler.Scheduled> pending = new ArrayList<>();
    private long generation;
    private boolean failing;

    PatternPlayer(IndicatorOutputs outputs, PatternScheduler scheduler) {
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    void play(IndicatorPattern pattern) {
        synchronized (lock) {
            long current = startNewGeneration();
            List<IndicatorStep> steps = pattern.steps();
            if (steps.isEmpty()) {
                apply(pattern.hold());
                return;
            }
            apply(steps.get(0).state());
            long at = steps.get(0).millis();
            for (int i = 1; i < steps.size(); i++) {
                IndicatorState state = steps.get(i).state();
                pending.add(scheduler.schedule(() -> applyIfCurrent(current, state), at));
                at += steps.get(i).millis();
            }
            IndicatorState hold = pattern.hold();
            pending.add(scheduler.schedule(() -> applyIfCurrent(current, hold), at));
        }
    }

    /** Calls off the pattern and switches everything off. */
    @Override
    public void close() {
        synchronized (lock) {
            startNewGeneration();
            apply(IndicatorState.OFF);
        }
    }

    private long startNewGeneration() {
        pending.forEach(PatternScheduler.Scheduled::cancel);
        pending.clear();
        return ++generation;
    }

    private void applyIfCurrent(long expected, IndicatorState state) {
        synchronized (lock) {
            // A step that was already running when its pattern was replaced must not undo the new one.
            if (expected == generation) {
                apply(state);
            }
        }
    }

    private void apply(IndicatorState state) {
        try {
            outputs.set(state);
            if (failing) {
                Logger.info("LEDs and buzzer work again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                Logger.warn(e, "Cannot set the LEDs and buzzer to {}; taps go on without them", state);
                failing = true;
            }
        }
    }
}
