package org.farebox.provisioning.fare;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faretable check}: validates a flat fare table and shows what every rider pays on every route. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a flat fare table (farebox-flat-fare/1) and print its routes and categories.",
                "Exit 1 when the table is invalid; the message names the field."})
public final class CheckFareTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "fare table JSON")
    Path file;

    @Override
    public Integer call() {
        String text = OutputFile.read(file, "fare table");
        FlatFareTable table;
        try {
            table = FlatFareTable.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("fare table " + file + " is invalid: " + e.getMessage(), e);
        }
        print(table, spec.commandLine().getOut());
        return 0;
    }

    private void print(FlatFareTable t, PrintWriter out) {
        out.printf("%s: OK, version %d, currency %s, default fare %s%n", file, t.version(), t.currency(),
                money(t.defaultFareFen()));
        Map<String, Integer> categories = new TreeMap<>(t.categoryPercent());
        out.println("categories (percent of the full fare):");
        categories.forEach((name, pct) -> out.printf("  %-12s %3d%%%s%n", name, pct,
                name.equals(t.defaultCategory()) ? "  (default)" : ""));
        out.println("card types:");
        new TreeMap<>(t.cardTypes()).forEach((code, name) -> out.printf("  %02X -> %s%n", code, name));
        out.println("routes (fare per category):");
        StringBuilder header = new StringBuilder(String.format("  %-10s", "route"));
        categories.keySet().forEach(c -> header.append(String.format(" %10s", c)));
        out.println(header);
        Map<String, Long> routes = new TreeMap<>(t.routeFaresFen());
        routes.forEach((route, full) -> out.println(row(route, full, categories)));
        out.println(row("(other)", t.defaultFareFen(), categories));
    }

    // The same rounding as FlatFareTable.fare: full fare times percent, rounded down to the fen.
    private static String row(String label, long fullFen, Map<String, Integer> categories) {
        StringBuilder line = new StringBuilder(String.format("  %-10s", label));
        categories.values().forEach(pct -> line.append(String.format(" %10s", money(fullFen * pct / 100))));
        return line.toString();
    }

    private static String money(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }
}
