package org.farebox.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.farebox.fare.day.DayPrice;
import org.farebox.fare.day.DayPricer;
import org.farebox.fare.engine.Leg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One quote as {@code faretable quote} and clearing make it: a bus leg and a metro trip between two random stations
 * of a 1,000-station network with a full distance matrix, priced by the day pricer (engine, transfer, cap, promotion).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class QuoteBench {
    private static final int JOURNEYS = 1 << 12;

    private DayPricer pricer;
    private List<List<Leg>> journeys;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        pricer = new DayPricer(QuoteFixture.table());
        journeys = QuoteFixture.journeys(JOURNEYS, 11L);
    }

    @Benchmark
    public DayPrice quote() {
        return pricer.price(journeys.get(next++ & (JOURNEYS - 1)));
    }
}
