package org.farebox.terminal.hmi;

/** What the terminal wants shown after (or between) taps. */
public interface Hmi extends AutoCloseable {

    /**
     * Shows a display and starts its LED and buzzer pattern, replacing whatever was shown before.
     * Implementations return quickly and never throw because a device failed: the tap path goes on.
     */
    void show(Display display);

    @Override
    default void close() {
    }
}
