package org.farebox.simulator.pcsc;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import javax.smartcardio.CardException;

/** Test help for threads that must be parked in a wait before the test goes on. */
final class Threads {
    private Threads() {
    }

    /** A wait that may throw CardException, such as {@code () -> reader.waitForCardPresent(0)}. */
    interface CardWait {
        boolean await() throws CardException;
    }

    /** Starts {@code wait} on a new thread and returns once that thread is parked in it. */
    static CompletableFuture<Boolean> parkedWaiter(String name, CardWait wait) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(wait.await());
            } catch (CardException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        awaitParked(thread);
        return result;
    }

    /** Returns once {@code thread} is blocked in a wait (so a signal sent now is one it must see). */
    static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                fail(thread.getName() + " ended before it started waiting");
            }
            Thread.onSpinWait();
        }
        fail(thread.getName() + " never started waiting");
    }
}
