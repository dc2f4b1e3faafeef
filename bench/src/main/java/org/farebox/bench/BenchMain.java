package org.farebox.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code ./farebox bench}: runs the JMH benchmarks in one forked JVM each and prints the figures, then
 * one {@code BENCH <name> <value> <unit>} line per figure; then the ledger drain ({@link DrainBench},
 * a whole-system run, not JMH). {@code --quick} is a smoke run; any other argument is a JMH include
 * regex (e.g. {@code LedgerCommitBench}), or {@code DrainBench} for the drain alone.
 */
public final class BenchMain {
    private static final String USAGE = String.join("\n",
            "Usage: farebox-bench [--quick] [REGEX...]",
            "  Runs the Farebox JMH benchmarks (about 5 minutes; --quick: about 1 minute, figures only indicative)",
            "  and prints a table and BENCH <name> <value> <unit> lines. With DenyListBench it also measures,",
            "  in a JVM of its own, applying and loading a 1,000,000-entry deny list and the heap it takes.",
            "  REGEX   JMH include patterns (default: PurchaseBench, LedgerCommitBench, DenyListBench, QuoteBench), or",
            "          DrainBench (the ledger drain through a local Mosquitto; runs by default after the JMH ones)",
            "  --quick one short iteration per benchmark, to check that everything runs",
            "  -h, --help  this text",
            "  The SQLite files go to bench/target/bench-data (override: -Dfarebox.bench.dir=FOLDER).");

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean quick = false;
        List<String> includes = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (a.equals("--quick")) {
                quick = true;
            } else if (a.startsWith("-")) {
                err.println("farebox-bench: unknown option " + a + "\n" + USAGE);
                return 2;
            } else {
                includes.add(a);
            }
        }
        boolean drainNamed = includes.remove(DrainBench.class.getSimpleName());
        boolean drain = includes.isEmpty() || drainNamed;
        if (drainNamed && includes.isEmpty()) {
            return runDrain(quick, out, err); // DrainBench alone
        }
        if (includes.isEmpty()) {
            includes.add(PurchaseBench.class.getName());
            includes.add(LedgerCommitBench.class.getName());
            includes.add(DenyListBench.class.getName());
            includes.add(QuoteBench.class.getName());
        }
        Path folder = BenchFolder.base();
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            err.println("farebox-bench: cannot create " + folder + ": " + e.getMessage());
            return 1;
        }
        String fileSystem = BenchFolder.fileSystemOf(folder);
        out.println("Farebox benchmarks: SQLite files in " + folder + " (" + fileSystem + ")");
        if (BenchFolder.inMemory(fileSystem)) {
            err.println("farebox-bench: warning: " + folder + " is in RAM (" + fileSystem + "); fsync costs nothing "
                    + "there, so the ledger figures mean little. Set -D" + BenchFolder.PROPERTY + "=<folder on disk>.");
        }
        ChainedOptionsBuilder options = new OptionsBuilder().forks(1).shouldFailOnError(true)
                .jvmArgsAppend("-D" + BenchFolder.PROPERTY + "=" + folder);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(2));
        } else {
            options.warmupIterations(2).warmupTime(TimeValue.seconds(5))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(10));
        }
        includes.forEach(options::include);
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            err.println("farebox-bench: the benchmarks failed: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "")
                    + "; the JMH output above shows which one and why");
            return 1;
        }
        if (results.isEmpty()) {
            err.println("farebox-bench: no benchmark matches " + includes + "; try PurchaseBench or LedgerCommitBench");
            return 2;
        }
        Optional<DenyListApply.Figures> deny = Optional.empty();
        if (includes.stream().anyMatch(p -> Pattern.compile(p).matcher(DenyListBench.class.getName()).find())) {
            out.println("Deny list: applying and loading " + DenyListApply.ENTRIES + " entries in a JVM of its own");
            try {
                deny = Optional.of(DenyListProcess.run(folder, out));
            } catch (java.io.IOException e) {
                err.println("farebox-bench: " + e.getMessage());
                return 1;
            }
        }
        new BenchReport(figures(results), deny).print(out);
        if (includes.stream().anyMatch(p -> Pattern.compile(p).matcher(QuoteBench.class.getName()).find())) {
            BundleLoad.print(BundleLoad.measure(), out);
        }
        if (drain) {
            int code = runDrain(quick, out, err);
            if (code != 0) {
                return code;
            }
        }
        if (quick) {
            out.println("(--quick: one short iteration each; run without --quick for figures worth quoting)");
        }
        return 0;
    }

    private static int runDrain(boolean quick, PrintStream out, PrintStream err) {
        long rows = quick ? DrainBench.QUICK_ROWS : DrainBench.ROWS;
        try {
            DrainBench.run(rows, DrainBench.settings()).print(out);
            return 0;
        } catch (org.opentest4j.TestAbortedException e) {
            // MosquittoBroker "skips" when Mosquitto is not installed: the other figures still count
            err.println("farebox-bench: ledger drain skipped: " + e.getMessage());
            return 0;
        } catch (Exception e) {
            err.println("farebox-bench: the ledger drain failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Measured> figures(Collection<RunResult> results) {
        Map<String, Measured> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Statistics s = r.getPrimaryResult().getStatistics();
            byName.put(name, new Measured(name, s.getN(), s.getPercentile(50), s.getPercentile(99), s.getMean(),
                    s.getMax()));
        }
        return byName;
    }
}
