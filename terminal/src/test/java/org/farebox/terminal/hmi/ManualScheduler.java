package org.farebox.terminal.hmi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A pattern scheduler whose time moves only when a test says so. */
final class ManualScheduler implements PatternScheduler {

    private static final class Task {
        final long due;
        final long order;
        final Runnable action;
        boolean cancelled;

        Task(long due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long order;
    private boolean closed;

    @Override
    public synchronized Scheduled schedule(Runnable action, long delayMillis) {
        if (closed) {
            throw new IllegalStateException("scheduler closed");
        }
        Task task = new Task(now + delayMillis, order++, action);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves time forward, running every task that falls due, in time order. */
    void advance(long millis) {
        long target = now + millis;
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && t.due <= target)
                        .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.order)).orElse(null);
                if (next == null) {
                    now = target;
                    tasks.removeIf(t -> t.cancelled);
                    return;
                }
                tasks.remove(next);
                now = next.due;
            }
            next.action.run();
        }
    }

    synchronized int pendingTasks() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
