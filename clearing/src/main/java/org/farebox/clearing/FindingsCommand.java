package org.farebox.clearing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.farebox.clearing.store.Finding;
import org.farebox.clearing.store.JdbcClearingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code farebox-clearing findings}: what the checks found. */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "List the findings: gaps, chain breaks, hash mismatches, conflicts, quarantined and"
                + " refused messages. Open ones only unless --all. Exit code 0 either way.")
final class FindingsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ${DEFAULT-VALUE})",
            defaultValue = ClearingCli.DEFAULT_CONFIG)
    Path config;

    @Option(names = "--all", description = "include resolved findings")
    boolean all;

    @Override
    public Integer call() {
        ClearingConfig c = ClearingConfig.read(config);
        List<Finding> findings;
        try (JdbcClearingStore store = ClearingCli.openStore(c, true)) {
            findings = store.findings(!all);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Finding f : findings) {
            out.println(f.describe() + " (found " + f.foundAt() + ")");
        }
        out.println(findings.size() + (all ? " findings" : " open findings"));
        out.flush();
        return 0;
    }
}
