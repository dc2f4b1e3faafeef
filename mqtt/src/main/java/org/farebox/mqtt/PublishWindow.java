package org.farebox.mqtt;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bounded number of publishes awaiting PUBACK. A connection loss resets it: permits of the dead
 * connection must not be returned into the new one's window (they would let it overfill).
 */
final class PublishWindow {
    private final int size;
    private volatile Semaphore permits;

    PublishWindow(int size) {
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /** A permit, or null when none became free within the timeout. */
    Permit acquire(Duration timeout) throws InterruptedException {
        Semaphore s = permits;
        return s.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS) ? new Permit(s) : null;
    }

    int inFlight() {
        return size - permits.availablePermits();
    }

    void reset() {
        permits = new Semaphore(size);
    }

    /** One slot; released once, into the window it came from. */
    static final class Permit {
        private final Semaphore owner;
        private final AtomicBoolean released = new AtomicBoolean();

        Permit(Semaphore owner) {
            this.owner = owner;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                owner.release();
            }
        }
    }
}
