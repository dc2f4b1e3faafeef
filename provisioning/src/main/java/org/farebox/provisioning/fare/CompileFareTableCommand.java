package org.farebox.provisioning.fare;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.farebox.fare.gtfs.GtfsCompiler;
import org.farebox.fare.gtfs.Problem;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareTable;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faretable compile}: validates a GTFS-Fares v2 feed folder and writes the compiled fare bundle. */
// No mixinStandardHelpOptions: its --version would clash with the fare table's --version.
@Command(name = "compile",
        description = {"Validate a GTFS-Fares v2 feed folder (plus the Farebox distance files) and write a fare "
                + "bundle (docs/fare-bundle.md).",
                "Every problem is listed by file and row; when there is any, nothing is written and the exit code "
                        + "is 1."})
public final class CompileFareTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(paramLabel = "GTFS_DIR", description = "folder with the GTFS .txt files")
    Path folder;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "BUNDLE", description = "bundle file to write")
    Path output;

    @Option(names = "--version", paramLabel = "N", defaultValue = "1",
            description = "fare table version, 0..2^53 (default ${DEFAULT-VALUE})")
    long version;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
            description = "zone the timeframes are read in (default ${DEFAULT-VALUE})")
    String timezone;

    @Option(names = "--valid-from", paramLabel = "YYYY-MM-DDTHH:MM",
            description = "local time (in --timezone) from which terminals use the table; default: on activation")
    String validFrom;

    @Option(names = "--force", description = "replace BUNDLE if it exists")
    boolean force;

    @Override
    public Integer call() {
        Args args = new Args(spec);
        args.inRange("--version", version, 0, 1L << 53);
        ZoneId zone = zone(args);
        Instant from = validFrom(args, zone);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        GtfsCompiler.Result result = new GtfsCompiler().compile(folder, new GtfsCompiler.Options(version, zone));
        Problems problems = result.problems();
        for (Problem note : problems.notes()) {
            out.println(note);
        }
        if (result.table().isEmpty()) {
            List<Problem> errors = problems.errors();
            errors.forEach(err::println);
            String more = problems.dropped() > 0 ? " (" + problems.dropped() + " more not shown)" : "";
            err.println("farebox-provision: " + folder + ": " + problems.errorCount() + " problem"
                    + (problems.errorCount() == 1 ? "" : "s") + more + "; nothing was written");
            return ProvisionCli.EXIT_FAILED;
        }
        FareTable table = result.table().get();
        byte[] bytes = new FareBundle(table, from).encode();
        OutputFile.writeBytes(output, bytes, force);
        out.printf("%s: OK, fare table version %d, zone %s, currency %s%n", folder, table.version(), table.zone(),
                table.currency());
        out.printf("  stops %d, areas %d, networks %d, routes %d, rider categories %d, fare media %d%n",
                table.stops().size(), table.areas().size(), table.networks().size(), table.routes().size(),
                table.riderCategories().size(), table.fareMedia().size());
        out.printf("  fare products %d, leg rules %d, transfer rules %d, join rules %d, timeframes %d, "
                        + "distance matrices %d, distance fares %d%n", table.fareProducts().size(),
                table.legRules().size(), table.transferRules().size(), table.joinRules().size(),
                table.timeframes().size(), table.distanceFares().matrices().size(),
                table.distanceFares().fares().size());
        out.printf("  wrote %s (%d bytes)%n", output, bytes.length);
        return 0;
    }

    private ZoneId zone(Args args) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw args.bad("--timezone must be a zone such as Asia/Shanghai, got \"" + timezone + "\"");
        }
    }

    private Instant validFrom(Args args, ZoneId zone) {
        if (validFrom == null) {
            return Instant.EPOCH;
        }
        try {
            return LocalDateTime.parse(validFrom).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw args.bad("--valid-from must be a local time YYYY-MM-DDTHH:MM, got \"" + validFrom + "\"");
        }
    }
}
