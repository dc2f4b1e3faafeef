package org.farebox.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.farebox.terminal.deny.DenyListStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One deny-list lookup as a tap makes it ({@link DenyListStore#isDenied}, card serial as the reader gives it)
 * in the terminal's store holding a 1,000,000-card list; half the probes are denied cards, half are not.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class DenyListBench {
    private static final int PROBES = 1 << 16;

    /** Cards on the list (a field, so the smoke test can use a smaller list). */
    @Param("1000000")
    public int entries;

    private Path folder;
    private DenyListStore store;
    private String[] probes;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        DenyListFixture fixture = new DenyListFixture(entries);
        folder = BenchFolder.fresh("denylist-");
        store = DenyListStore.open(folder);
        store.applySnapshot(fixture.snapshot(1));
        probes = fixture.probes(PROBES);
    }

    @Benchmark
    public boolean lookup() {
        return store.isDenied(probes[next++ & (PROBES - 1)]);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        BenchFolder.delete(folder);
    }

    DenyListStore store() {
        return store;
    }
}
