package org.farebox.simulator.pcsc;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.smartcardio.CardException;

/**
 * The one lock and condition shared by all readers of a {@link VirtualReaders}: every insertion and removal
 * signals it, so a wait on one reader and a wait on all of them ({@code waitForChange}) use the same code.
 */
final class ReaderMonitor {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Call with the lock held, after changing what a waiter may be waiting for. */
    void signalChange() {
        changed.signalAll();
    }

    /**
     * Waits, with the lock held, until {@code done} is true or the timeout (milliseconds, 0 = forever) passes.
     * Returns the final value of {@code done}.
     */
    boolean awaitUntil(BooleanSupplier done, long timeoutMillis, String what) throws CardException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeoutMillis);
        }
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (!done.getAsBoolean()) {
                if (timeoutMillis == 0) {
                    changed.await();
                } else {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting for " + what, e);
        }
    }
}
