package org.farebox.simulator.pcsc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * The readers of a {@link VirtualReaders} as one {@code CardTerminals} view. CARD_INSERTION and CARD_REMOVAL
 * are relative to this object's previous {@link #waitForChange(long)}, and mean CARD_PRESENT and
 * CARD_ABSENT until the first one, as the javadoc (and the JDK's PC/SC provider) say.
 */
final class SimulatorTerminals extends CardTerminals {
    /** What one waitForChange saw of one reader. */
    private record Seen(long events, boolean present, boolean insertion, boolean removal) {
        static final Seen UNAWARE = new Seen(0, false, false, false);
    }

    private final VirtualReaders readers;
    private final ReaderMonitor monitor;
    /** Serialises waitForChange calls on this object; list() never waits for them. */
    private final Object waitLock = new Object();
    /** Null until the first waitForChange; replaced whole so list() reads a consistent map. */
    private volatile Map<VirtualReader, Seen> seen;

    SimulatorTerminals(VirtualReaders readers) {
        this.readers = readers;
        this.monitor = readers.monitor();
    }

    @Override
    public List<CardTerminal> list(State state) {
        Objects.requireNonNull(state, "state");
        Map<VirtualReader, Seen> last = seen;
        if (last == null) {
            state = state == State.CARD_INSERTION ? State.CARD_PRESENT
                    : state == State.CARD_REMOVAL ? State.CARD_ABSENT : state;
        }
        List<CardTerminal> result = new ArrayList<>();
        for (VirtualReader reader : readers.list()) {
            boolean include = switch (state) {
                case ALL -> true;
                case CARD_PRESENT -> reader.isCardPresent();
                case CARD_ABSENT -> !reader.isCardPresent();
                case CARD_INSERTION -> last.getOrDefault(reader, Seen.UNAWARE).insertion();
                case CARD_REMOVAL -> last.getOrDefault(reader, Seen.UNAWARE).removal();
            };
            if (include) {
                result.add(reader);
            }
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Timeout must not be negative: " + timeout);
        }
        synchronized (waitLock) {
            List<VirtualReader> all = readers.list();
            if (all.isEmpty()) {
                throw new IllegalStateException("No terminals available");
            }
            monitor.lock();
            try {
                if (seen == null) {
                    seen = firstLook(all);
                }
                Map<VirtualReader, Seen> before = seen;
                boolean changed = monitor.awaitUntil(() -> anyChanged(all, before), timeout, "a card event");
                if (changed) {
                    seen = compare(all, before);
                }
                return changed;
            } finally {
                monitor.unlock();
            }
        }
    }

    /** With the monitor held. Before any wait, a card already present counts as inserted (as in PC/SC). */
    private static Map<VirtualReader, Seen> firstLook(List<VirtualReader> all) {
        Map<VirtualReader, Seen> first = new HashMap<>();
        for (VirtualReader reader : all) {
            boolean present = reader.hasCard();
            first.put(reader, new Seen(reader.eventCount(), present, present, false));
        }
        return first;
    }

    private static boolean anyChanged(List<VirtualReader> all, Map<VirtualReader, Seen> before) {
        for (VirtualReader reader : all) {
            if (reader.eventCount() != before.getOrDefault(reader, Seen.UNAWARE).events()) {
                return true;
            }
        }
        return false;
    }

    /** With the monitor held: insertion and removal compare presence now with presence at the last wait. */
    private static Map<VirtualReader, Seen> compare(List<VirtualReader> all, Map<VirtualReader, Seen> before) {
        Map<VirtualReader, Seen> now = new HashMap<>();
        for (VirtualReader reader : all) {
            Seen old = before.getOrDefault(reader, Seen.UNAWARE);
            boolean present = reader.hasCard();
            now.put(reader, new Seen(reader.eventCount(), present, !old.present() && present, old.present() && !present));
        }
        return now;
    }

    @Override
    public String toString() {
        return "virtual card terminals " + readers.list();
    }
}
