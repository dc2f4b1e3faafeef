package org.farebox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.farebox.fare.day.DayPricer;
import org.farebox.fare.engine.Leg;
import org.junit.jupiter.api.Test;

class QuoteBenchSmokeTest {
    @Test
    void syntheticNetworkPricesTransferAndTheFarthestPairAndQuoteBenchRuns() {
        DayPricer pricer = new DayPricer(QuoteFixture.table());
        Instant bus = Instant.parse("2026-03-10T01:00:00Z");
        Instant metro = bus.plusSeconds(1800);
        // S0-S3 is 3.9 km: 2 yuan, minus the 1-yuan bus>metro transfer.
        assertEquals(300, pricer.price(List.of(new Leg("", "B1", "BUS_STOP", "", bus, Optional.empty(), "adult", "qr"),
                new Leg("metro", "", "S0", "S3", metro, Optional.of(metro.plusSeconds(600)), "adult", "qr")))
                .totalFen());
        // S0-S999 is 1,298.7 km: the open band, 7 yuan.
        assertEquals(700, pricer.price(List.of(new Leg("metro", "", "S0", "S999", metro, Optional.empty(), "adult",
                "qr"))).totalFen());
        QuoteBench bench = new QuoteBench();
        bench.build();
        for (int i = 0; i < 100; i++) {
            assertTrue(bench.quote().complete());
        }
    }

    @Test
    void bundleLoadAndQuoteFiguresPrintTheirBenchLines() {
        BundleLoad.Figures f = BundleLoad.measure();
        assertTrue(f.bytes() > 1_000_000, "a full 1,000-station matrix is megabytes, got " + f.bytes());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BundleLoad.print(f, out);
        new BenchReport(Map.of(BenchReport.QUOTE, new Measured(BenchReport.QUOTE, 10, 0.1, 0.4, 0.2, 0.5))).print(out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("BENCH bundle_load_ms "), text);
        assertTrue(text.contains("BENCH quote_p99_ms 0.400 ms"), text);
        assertTrue(text.contains("BENCH quotes_per_s 5000.000 1/s"), text);
    }
}
