package org.farebox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static Measured m(String name, double p50, double p99) {
        return new Measured(name, 1000, p50, p99, p50, p99 * 2);
    }

    private static String print(BenchReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEveryFigureAsABenchLineWithTheRatioOfMedians() {
        String out = print(new BenchReport(Map.of(
                BenchReport.PURCHASE, m(BenchReport.PURCHASE, 2.5, 9.25),
                BenchReport.LEDGER_APPEND, m(BenchReport.LEDGER_APPEND, 0.3, 1.0),
                BenchReport.RAW_COMMIT, m(BenchReport.RAW_COMMIT, 0.25, 0.5),
                BenchReport.LEDGER_TAP, m(BenchReport.LEDGER_TAP, 0.9, 2.0))));
        assertTrue(out.contains("BENCH purchase_p50_ms 2.500 ms\n"), out);
        assertTrue(out.contains("BENCH purchase_p99_ms 9.250 ms\n"), out);
        assertTrue(out.contains("BENCH ledger_commit_ms 0.300 ms\n"), out);
        assertTrue(out.contains("BENCH raw_sqlite_commit_ms 0.250 ms\n"), out);
        assertTrue(out.contains("BENCH ledger_commit_ratio 1.20 x\n"), out);
        assertTrue(out.contains("BENCH ledger_tap_ms 0.900 ms\n"), out);
        assertTrue(out.contains("purchase p99 <= 20 ms with synchronous=FULL: met"), out);
        assertTrue(out.contains("(medians): met (1.20x)"), out);
    }

    @Test
    void denyListFiguresBecomeTheirBenchLinesAndGoals() {
        String out = print(new BenchReport(Map.of(BenchReport.DENY_LOOKUP, m(BenchReport.DENY_LOOKUP, 0.2, 0.75)),
                java.util.Optional.of(new DenyListApply.Figures(1_000_000, 11_000_030, 0.25, 0.5, 0.3, 4.0, 16.5))));
        assertTrue(out.contains("BENCH denylist_lookup_p99_us 0.750 us\n"), out);
        assertTrue(out.contains("BENCH denylist_apply_1m_s 0.750 s\n"), out);
        assertTrue(out.contains("BENCH denylist_load_1m_s 0.300 s\n"), out);
        assertTrue(out.contains("BENCH denylist_heap_mb 12.500 MB\n"), out);
        assertTrue(out.contains("lookup p99 <= 10 us with 1M cards: met"), out);
        assertTrue(out.contains("loaded at start in <= 1 s: met"), out);
        assertFalse(out.contains("purchase_p50_ms"), out);
    }

    @Test
    void missedGoalsAreSaidPlainly() {
        String out = print(new BenchReport(Map.of(
                BenchReport.PURCHASE, m(BenchReport.PURCHASE, 12, 25),
                BenchReport.LEDGER_APPEND, m(BenchReport.LEDGER_APPEND, 0.4, 1.0),
                BenchReport.RAW_COMMIT, m(BenchReport.RAW_COMMIT, 0.2, 0.5))));
        assertTrue(out.contains("synchronous=FULL: MISSED (25.000 ms)"), out);
        assertTrue(out.contains("(medians): MISSED (2.00x)"), out);
    }

    @Test
    void ratioNeedsBothLedgerAndRaw() {
        BenchReport onlyLedger = new BenchReport(Map.of(BenchReport.LEDGER_APPEND, m(BenchReport.LEDGER_APPEND, 0.3, 1)));
        assertTrue(onlyLedger.ledgerRatio().isEmpty());
        String out = print(onlyLedger);
        assertFalse(out.contains("ledger_commit_ratio"), out);
        assertFalse(out.contains("purchase_p50_ms"), out);
    }

    @Test
    void unknownOptionIsAUsageErrorAndHelpRunsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, BenchMain.run(new String[] {"--fast"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --fast"));
        assertEquals(0, BenchMain.run(new String[] {"--help"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--quick"));
    }
}
