package org.farebox.terminal.update;

import java.util.ArrayDeque;
import java.util.List;
import org.farebox.terminal.status.RejectionNote;

/** The last few refused operator messages, for the status, and how many there were since the start. */
public final class RejectionLog {
    private final int capacity;
    private final ArrayDeque<RejectionNote> recent;
    private long total;

    public RejectionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(capacity);
    }

    public synchronized void add(RejectionNote note) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(note);
        total++;
    }

    /** Oldest first. */
    public synchronized List<RejectionNote> recent() {
        return List.copyOf(recent);
    }

    public synchronized long total() {
        return total;
    }
}
