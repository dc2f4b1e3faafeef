package org.farebox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.farebox.protocol.deny.DenyListFormatException;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.terminal.deny.DenyListStore;

/**
 * The whole-process deny-list figures, measured in a JVM of their own so the heap holds nothing else: the
 * wall time from a received 1,000,000-entry snapshot payload to the list installed (decode, checks, durable
 * write, swap), the time to load it again at start, and the heap the loaded list takes (used heap after
 * System.gc() with the list, minus before it). Run by {@link BenchMain}; {@code main} prints
 * {@code DENYLIST <name> <value>} lines for it to read.
 */
public final class DenyListApply {
    static final int ENTRIES = 1_000_000;

    /** The figures of one run. */
    public record Figures(int entries, int payloadBytes, double decodeSeconds, double applySeconds,
            double loadSeconds, double heapWithoutMb, double heapWithMb) {

        /** Decode and apply: from the payload as MQTT delivers it to a list taps see. */
        public double receivedToInstalledSeconds() {
            return decodeSeconds + applySeconds;
        }

        public double listHeapMb() {
            return heapWithMb - heapWithoutMb;
        }
    }

    private DenyListApply() {
    }

    public static void main(String[] args) throws DenyListFormatException {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : ENTRIES;
        Figures f = measure(entries);
        System.out.printf(Locale.ROOT, "DENYLIST entries %d%n", f.entries());
        System.out.printf(Locale.ROOT, "DENYLIST payload_bytes %d%n", f.payloadBytes());
        System.out.printf(Locale.ROOT, "DENYLIST decode_s %.6f%n", f.decodeSeconds());
        System.out.printf(Locale.ROOT, "DENYLIST apply_s %.6f%n", f.applySeconds());
        System.out.printf(Locale.ROOT, "DENYLIST load_s %.6f%n", f.loadSeconds());
        System.out.printf(Locale.ROOT, "DENYLIST heap_without_mb %.3f%n", f.heapWithoutMb());
        System.out.printf(Locale.ROOT, "DENYLIST heap_with_mb %.3f%n", f.heapWithMb());
    }

    /** Measures in a fresh folder under {@link BenchFolder#base()}, deleted afterwards. */
    public static Figures measure(int entries) throws DenyListFormatException {
        Path folder = BenchFolder.fresh("denylist-apply-");
        try {
            DenyListStore store = DenyListStore.open(folder);
            double without = usedHeapMb();
            byte[] payload = new DenyListFixture(entries).snapshot(1).encode();

            long t0 = System.nanoTime();
            DenyListSnapshot snapshot = DenyListSnapshot.decode(payload);
            long t1 = System.nanoTime();
            store.applySnapshot(snapshot);
            long t2 = System.nanoTime();
            int payloadBytes = payload.length;
            payload = null;
            snapshot = null;
            double with = usedHeapMb();
            if (store.size() != entries) {
                throw new IllegalStateException("the store holds " + store.size() + " cards, not " + entries);
            }
            store.close();

            long t3 = System.nanoTime();
            DenyListStore reopened = DenyListStore.open(folder);
            long t4 = System.nanoTime();
            if (reopened.size() != entries) {
                throw new IllegalStateException("reloaded " + reopened.size() + " cards, not " + entries);
            }
            reopened.close();
            return new Figures(entries, payloadBytes, seconds(t1 - t0), seconds(t2 - t1), seconds(t4 - t3), without,
                    with);
        } finally {
            BenchFolder.delete(folder);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double usedHeapMb() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
