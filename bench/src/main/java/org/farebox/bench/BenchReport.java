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
    static final String DENY_LOOKUP = "DenyListBench.lookup";
    static final String QUOTE = "QuoteBench.quote";
    static final double QUOTE_P99_GOAL_MS = 1;
    static final double DENY_LOOKUP_P99_GOAL_US = 10.0;
    static final double DENY_APPLY_GOAL_S = 5.0;
    static final double DENY_LOAD_GOAL_S = 1.0;

    private static final Map<String, String> LABELS = Map.of(
            PURCHASE, "purchase, terminal side (TapProcessor.process)",
            LEDGER_APPEND, "ledger append, 1 row (SqliteLedger)",
            RAW_COMMIT, "raw SQLite INSERT + COMMIT, 1 row",
            LEDGER_TAP, "ledger work of a tap (3 commits)");
    private static final String[] ORDER = {PURCHASE, LEDGER_APPEND, RAW_COMMIT, LEDGER_TAP};

    private final Map<String, Measured> byName;
    private final Optional<DenyListApply.Figures> denyList;

    /** {@code byName} maps "Class.method" to its figures; missing benchmarks are left out of the report. */
    public BenchReport(Map<String, Measured> byName) {
        this(byName, Optional.empty());
    }

    /** As above, with the whole-process deny-list figures when they were measured. */
    public BenchReport(Map<String, Measured> byName, Optional<DenyListApply.Figures> denyList) {
        this.byName = Map.copyOf(byName);
        this.denyList = denyList;
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
        printDenyListRows(out);
        out.println();
        Measured purchase = byName.get(PURCHASE);
        if (purchase != null) {
            out.printf(Locale.ROOT, "goal: purchase p99 <= %.0f ms with synchronous=FULL: %s (%.3f ms)%n",
                    PURCHASE_P99_GOAL_MS, purchase.p99() <= PURCHASE_P99_GOAL_MS ? "met" : "MISSED", purchase.p99());
        }
        ledgerRatio().ifPresent(r -> out.printf(Locale.ROOT,
                "goal: ledger commit <= %.1fx a raw SQLite insert+commit (medians): %s (%.2fx)%n", LEDGER_RATIO_GOAL,
                r <= LEDGER_RATIO_GOAL ? "met" : "MISSED", r));
        printDenyListGoals(out);
        Measured quote = byName.get(QUOTE);
        if (quote != null) {
            out.printf(Locale.ROOT, "quote (bus + metro, 1,000-station matrix): p50 %.4f ms, p99 %.4f ms, mean %.4f ms%n",
                    quote.p50(), quote.p99(), quote.mean());
            out.printf(Locale.ROOT, "goal: quote p99 <= %.0f ms: %s (%.4f ms)%n", QUOTE_P99_GOAL_MS,
                    quote.p99() <= QUOTE_P99_GOAL_MS ? "met" : "MISSED", quote.p99());
        }
        out.println();
        if (purchase != null) {
            bench(out, "purchase_p50_ms", purchase.p50(), "ms");
            bench(out, "purchase_p99_ms", purchase.p99(), "ms");
        }
        figure(LEDGER_APPEND).ifPresent(m -> bench(out, "ledger_commit_ms", m.p50(), "ms"));
        figure(RAW_COMMIT).ifPresent(m -> bench(out, "raw_sqlite_commit_ms", m.p50(), "ms"));
        ledgerRatio().ifPresent(r -> out.printf(Locale.ROOT, "BENCH ledger_commit_ratio %.2f x%n", r));
        figure(LEDGER_TAP).ifPresent(m -> bench(out, "ledger_tap_ms", m.p50(), "ms"));
        figure(DENY_LOOKUP).ifPresent(m -> bench(out, "denylist_lookup_p99_us", m.p99(), "us"));
        figure(QUOTE).ifPresent(m -> {
            bench(out, "quote_p99_ms", m.p99(), "ms");
            bench(out, "quotes_per_s", m.mean() > 0 ? 1000 / m.mean() : 0, "1/s");
        });
        denyList.ifPresent(d -> {
            bench(out, "denylist_apply_1m_s", d.receivedToInstalledSeconds(), "s");
            bench(out, "denylist_load_1m_s", d.loadSeconds(), "s");
            bench(out, "denylist_heap_mb", d.listHeapMb(), "MB");
        });
    }

    private void printDenyListRows(PrintStream out) {
        Measured lookup = byName.get(DENY_LOOKUP);
        if (lookup != null) {
            out.printf(Locale.ROOT, "%-48s %9d %9.3f %9.3f %9.3f %9.3f%n", "deny-list lookup, 1M cards (MICROseconds)",
                    lookup.samples(), lookup.p50(), lookup.p99(), lookup.mean(), lookup.max());
        }
        denyList.ifPresent(d -> {
            out.printf(Locale.ROOT, "deny list of %,d cards (%,d-byte snapshot payload): decode %.3f s + apply %.3f s"
                    + " = %.3f s; load at start %.3f s%n", d.entries(), d.payloadBytes(), d.decodeSeconds(),
                    d.applySeconds(), d.receivedToInstalledSeconds(), d.loadSeconds());
            out.printf(Locale.ROOT, "heap used after System.gc(): %.1f MB without the list, %.1f MB with it: the list "
                    + "takes %.1f MB%n", d.heapWithoutMb(), d.heapWithMb(), d.listHeapMb());
        });
    }

    private void printDenyListGoals(PrintStream out) {
        Measured lookup = byName.get(DENY_LOOKUP);
        if (lookup != null) {
            out.printf(Locale.ROOT, "goal: deny-list lookup p99 <= %.0f us with 1M cards: %s (%.3f us)%n",
                    DENY_LOOKUP_P99_GOAL_US, lookup.p99() <= DENY_LOOKUP_P99_GOAL_US ? "met" : "MISSED", lookup.p99());
        }
        denyList.ifPresent(d -> {
            out.printf(Locale.ROOT, "goal: 1M-entry snapshot applied in <= %.0f s: %s (%.3f s)%n", DENY_APPLY_GOAL_S,
                    d.receivedToInstalledSeconds() <= DENY_APPLY_GOAL_S ? "met" : "MISSED", d.receivedToInstalledSeconds());
            out.printf(Locale.ROOT, "goal: 1M-entry list loaded at start in <= %.0f s: %s (%.3f s)%n", DENY_LOAD_GOAL_S,
                    d.loadSeconds() <= DENY_LOAD_GOAL_S ? "met" : "MISSED", d.loadSeconds());
        });
    }

    private Optional<Measured> figure(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static void bench(PrintStream out, String name, double value, String unit) {
        out.printf(Locale.ROOT, "BENCH %s %.3f %s%n", name, value, unit);
    }
}
