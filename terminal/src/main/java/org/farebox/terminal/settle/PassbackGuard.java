package org.farebox.terminal.settle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anti-passback: remembers when each card last paid on this terminal, so a second tap within the window is not
 * charged again. In memory and bounded (the oldest cards are forgotten first); a restart forgets, which can only
 * charge a rider who taps twice across a restart, as a terminal without the guard would.
 */
final class PassbackGuard {
    static final int MAX_CARDS = 4096;

    private final Duration window;
    private final Map<String, Instant> lastPaid = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_CARDS;
        }
    };

    PassbackGuard(Duration window) {
        this.window = window;
    }

    /** Whether {@code serial} paid here less than the window before {@code now} (never when the window is zero). */
    synchronized boolean paidRecently(String serial, Instant now) {
        Instant paid = lastPaid.get(serial);
        if (paid == null || window.isZero()) {
            return false;
        }
        Duration since = Duration.between(paid, now);
        return !since.isNegative() && since.compareTo(window) < 0;
    }

    synchronized void paid(String serial, Instant when) {
        lastPaid.remove(serial);
        lastPaid.put(serial, when);
    }
}
