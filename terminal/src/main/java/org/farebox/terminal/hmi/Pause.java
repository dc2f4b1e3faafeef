package org.farebox.terminal.hmi;

/** Waits the time an HD44780 needs between some commands; tests pass one that does not wait. */
@FunctionalInterface
interface Pause {
    void micros(long micros);

    /** Really waits (never less than asked; a millisecond sleep is fine for waits this rare). */
    static Pause sleeping() {
        return micros -> {
            try {
                Thread.sleep(Math.max(1, (micros + 999) / 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
