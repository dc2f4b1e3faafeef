package org.farebox.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareTable;

/**
 * Loading the quote benchmark's fare bundle as a terminal does at start: {@link FareBundle#decode} of the encoded
 * 1,000-station table (median of several decodes after one warm-up), and the heap the decoded table holds (used heap
 * after {@code System.gc()} with and without it; indicative, the collector decides).
 */
final class BundleLoad {
    static final double LOAD_GOAL_MS = 1000;
    private static final int RUNS = 5;

    /** Bundle size, median decode time, heap held by the decoded table. */
    record Figures(int bytes, double loadMs, double heapMb) {
    }

    private BundleLoad() {
    }

    static Figures measure() {
        byte[] bytes = FareBundle.encode(QuoteFixture.table());
        FareBundle.decode(bytes); // warm-up: class loading and JIT are not what a terminal's start costs twice
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            FareBundle.decode(bytes);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        long without = usedAfterGc();
        FareTable held = FareBundle.decode(bytes).table();
        long with = usedAfterGc();
        if (held.stops().isEmpty()) {
            throw new IllegalStateException("decoded an empty table");
        }
        return new Figures(bytes.length, ms[RUNS / 2], Math.max(0, with - without) / 1048576.0);
    }

    static void print(Figures f, PrintStream out) {
        out.printf(Locale.ROOT, "fare bundle, %d stations, full matrix (%,d bytes): decode %.1f ms (median of %d), "
                + "heap %.1f MB%n", QuoteFixture.STATIONS, f.bytes(), f.loadMs(), RUNS, f.heapMb());
        out.printf(Locale.ROOT, "goal: bundle load <= %.0f ms: %s (%.1f ms)%n", LOAD_GOAL_MS,
                f.loadMs() <= LOAD_GOAL_MS ? "met" : "MISSED", f.loadMs());
        out.printf(Locale.ROOT, "BENCH bundle_load_ms %.3f ms%n", f.loadMs());
        out.printf(Locale.ROOT, "BENCH bundle_heap_mb %.3f MB%n", f.heapMb());
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
