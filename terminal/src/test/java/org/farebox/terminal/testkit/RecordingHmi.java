package org.farebox.terminal.testkit;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.hmi.Hmi;

/** A display that remembers everything the terminal showed, in order. */
public final class RecordingHmi implements Hmi {
    private final List<Display> shown = new CopyOnWriteArrayList<>();

    @Override
    public void show(Display display) {
        shown.add(Objects.requireNonNull(display, "the terminal showed a null display"));
    }

    /** Every display shown since the start (or the last {@link #clear}), oldest first. */
    public List<Display> shown() {
        return List.copyOf(shown);
    }

    /** The display the passenger sees now. */
    public Display last() {
        if (shown.isEmpty()) {
            throw new AssertionError("the terminal has not shown anything yet");
        }
        return shown.get(shown.size() - 1);
    }

    public void clear() {
        shown.clear();
    }
}
