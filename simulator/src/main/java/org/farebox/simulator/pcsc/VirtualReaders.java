package org.farebox.simulator.pcsc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The set of virtual readers one {@code TerminalFactory} shows; pass it as the factory's params object.
 * Readers are added, never removed, and keep the order in which they were added.
 */
public final class VirtualReaders {
    private final ReaderMonitor monitor = new ReaderMonitor();
    private final List<VirtualReader> readers = new CopyOnWriteArrayList<>();

    /** Adds an empty reader; names must be unique and not blank. */
    public synchronized VirtualReader add(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a reader name must not be blank");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("there is already a reader named \"" + name + "\"");
        }
        VirtualReader reader = new VirtualReader(name, monitor);
        readers.add(reader);
        return reader;
    }

    /** All readers, in the order they were added. */
    public List<VirtualReader> list() {
        return List.copyOf(readers);
    }

    /** The reader with exactly this name, if any. */
    public Optional<VirtualReader> find(String name) {
        return readers.stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    ReaderMonitor monitor() {
        return monitor;
    }
}
