package org.farebox.terminal.hmi;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs indicator steps later; tests use a manual one that moves time by hand. */
interface PatternScheduler extends AutoCloseable {

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Runnable task, long delayMillis);

    @Override
    void close();

    /** One daemon thread: a pattern must never keep the JVM alive or block the tap path. */
    static PatternScheduler daemonThread(String name) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        return new PatternScheduler() {
            @Override
            public Scheduled schedule(Runnable task, long delayMillis) {
                ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
