package org.farebox.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one run, as a table for people and as {@code BENCH <name> <value> <unit>} lines for
 * scripts, with the goals of the issue and whether this run met them. Ledger figures are medians: one
 * slow fsync should not decide a ratio.
 */
public final class BenchReport {
    static final String PURCHASE = "PurchaseBench.tap";
    static final String LEDGER_APPEND = "LedgerCommitBench.ledgerAppend";
    static final String RAW_COMMIT = "LedgerCommitBench.rawInsertCommit";
    static final String LEDGER_TAP = "LedgerCommitBench.ledgerTap";
    static final double PURCHASE_P99_GOAL_MS = 20.0;
    static final double LEDGER_RATIO_GOAL = 1.5;

    private static final Map<String, String> LABELS = Map.of(
            PURCHASE, "purchase, terminal side (TapProcessor.process)",
            LEDGER_APPEND, "ledger append, 1 row (SqliteLedger)",
            RAW_COMMIT, "raw SQLite INSERT + COMMIT, 1 row",
            LEDGER_TAP, "ledger work of a tap (3 commits)");
    private static final String[] ORDER = {PURCHASE, LEDGER_APPEND, RAW_COMMIT, LEDGER_TAP};

    private final Map<String, Measured> byName;

    /** {@code byName} maps "Class.method" to its figures; missing benchmarks are left out of the report. */
    public BenchReport(Map<String, Measured> byName) {
        this.byName = Map.copyOf(byName);
    }

    public Optional<Double> ledgerRatio() {
        Measured ledger = byName.get(LEDGER_APPEND);
        Measured raw = byName.get(RAW_COMMIT);
        if (ledger == null || raw == null || raw.p50() <= 0) {
            return Optional.empty();
        }
        return Optional.of(ledger.p50() / raw.p50());
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-48s %9s %9s %9s %9s %9s%n", "benchmark (milliseconds)", "samples", "p50", "p99",
                "mean", "max");
        for (String name : ORDER) {
            Measured m = byName.get(name);
            if (m != null) {
                out.printf(Locale.ROOT, "%-48s %9d %9.3f %9.3f %9.3f %9.3f%n", LABELS.get(name), m.samples(), m.p50(),
                        m.p99(), m.mean(), m.max());
            }
        }
        out.println();
        Measured purchase = byName.get(PURCHASE);
        if (purchase != null) {
            out.printf(Locale.ROOT, "goal: purchase p99 <= %.0f ms with synchronous=FULL: %s (%.3f ms)%n",
                    PURCHASE_P99_GOAL_MS, purchase.p99() <= PURCHASE_P99_GOAL_MS ? "met" : "MISSED", purchase.p99());
        }
        ledgerRatio().ifPresent(r -> out.printf(Locale.ROOT,
                "goal: ledger commit <= %.1fx a raw SQLite insert+commit (medians): %s (%.2fx)%n", LEDGER_RATIO_GOAL,
                r <= LEDGER_RATIO_GOAL ? "met" : "MISSED", r));
        out.println();
        if (purchase != null) {
            bench(out, "purchase_p50_ms", purchase.p50(), "ms");
            bench(out, "purchase_p99_ms", purchase.p99(), "ms");
        }
        figure(LEDGER_APPEND).ifPresent(m -> bench(out, "ledger_commit_ms", m.p50(), "ms"));
        figure(RAW_COMMIT).ifPresent(m -> bench(out, "raw_sqlite_commit_ms", m.p50(), "ms"));
        ledgerRatio().ifPresent(r -> out.printf(Locale.ROOT, "BENCH ledger_commit_ratio %.2f x%n", r));
        figure(LEDGER_TAP).ifPresent(m -> bench(out, "ledger_tap_ms", m.p50(), "ms"));
    }

    private Optional<Measured> figure(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static void bench(PrintStream out, String name, double value, String unit) {
        out.printf(Locale.ROOT, "BENCH %s %.3f %s%n", name, value, unit);
    }
}
