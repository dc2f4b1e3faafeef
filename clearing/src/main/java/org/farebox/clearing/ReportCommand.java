package org.farebox.clearing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportFormat;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.clearing.store.JdbcClearingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code farebox-clearing report}: totals per terminal and day. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print per-terminal and per-day totals (taps, revenue, by outcome, by card type), the"
                + " duplicates dropped and the open findings. Days are cut in report.timezone.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ${DEFAULT-VALUE})",
            defaultValue = ClearingCli.DEFAULT_CONFIG)
    Path config;

    @Option(names = "--from", paramLabel = "DATE", description = "first day, YYYY-MM-DD (default: the first row)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day, YYYY-MM-DD, inclusive (default: the last row)")
    LocalDate to;

    @Option(names = "--terminal", paramLabel = "ID", description = "one terminal only")
    String terminal;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        ReportFormat f;
        try {
            f = ReportFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text, csv or json, not '"
                    + format + "'");
        }
        ClearingConfig c = ClearingConfig.read(config);
        ReportQuery query;
        try {
            query = new ReportQuery(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(terminal),
                    c.reportZone());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Report report;
        try (JdbcClearingStore store = ClearingCli.openStore(c, true)) {
            report = store.report(query);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(f.render(report));
        out.flush();
        return 0;
    }
}
