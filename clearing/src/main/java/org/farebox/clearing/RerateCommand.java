package org.farebox.clearing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.farebox.clearing.rerate.ReRater;
import org.farebox.clearing.rerate.RerateResult;
import org.farebox.clearing.store.AdjustmentRecord;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.fare.gtfs.bundle.BundleException;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareTable;
import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.config.ConfigFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code farebox-clearing rerate}: re-rates the account days of one transport day and stores the adjustments. */
@Command(name = "rerate", mixinStandardHelpOptions = true,
        description = {"Re-rate every account-medium (QR) day of one transport day with the fare bundle: all of an "
                + "account's taps across terminals, priced in time order with the terminals' fare engine, caps and "
                + "promotions. Legs whose price changed are stored as adjustments (table adjustments) and listed.",
                "Running it again with the same rows and bundle changes nothing."})
final class RerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ${DEFAULT-VALUE})",
            defaultValue = ClearingCli.DEFAULT_CONFIG)
    Path config;

    @Option(names = "--day", required = true, paramLabel = "DATE", description = "transport day, YYYY-MM-DD")
    LocalDate day;

    @Option(names = "--bundle", paramLabel = "BUNDLE", description = "fare bundle (default: fare.bundle in the config)")
    Path bundle;

    @Override
    public Integer call() {
        ClearingConfig c = ClearingConfig.read(config);
        Path bundlePath = Optional.ofNullable(bundle).orElseGet(() -> ConfigFile.read(config)
                .get("fare.bundle", null, Path::of));
        if (bundlePath == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no fare bundle: give --bundle or set fare.bundle in " + config);
        }
        FareTable table = read(bundlePath);
        RerateResult result;
        try (JdbcClearingStore store = ClearingCli.openStore(c, true)) {
            result = new ReRater(store, table).rerate(day);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("transport day %s, fare table version %d: %d accounts, %d legs, %d adjustments (%+d fen); "
                        + "stored: %d new, %d unchanged, %d removed%n", day, table.version(), result.accounts(),
                result.legs(), result.adjustments().size(), result.totalDifferenceFen(), result.inserted(),
                result.unchanged(), result.deleted());
        for (AdjustmentRecord a : result.adjustments()) {
            out.printf("  %s leg %d (%s #%d): charged %d, re-rated %d, difference %+d: %s%n", a.accountId(),
                    a.legSeq(), a.terminalId(), a.rowSeq(), a.chargedFen(), a.reratedFen(), a.differenceFen(),
                    a.reason());
        }
        out.flush();
        return 0;
    }

    private static FareTable read(Path path) {
        try {
            return FareBundle.decode(Files.readAllBytes(path)).table();
        } catch (IOException e) {
            throw new ConfigException("cannot read the fare bundle " + path + ": " + e.getMessage(), e);
        } catch (BundleException e) {
            throw new ConfigException("fare bundle " + path + " is not valid: " + e.getMessage(), e);
        }
    }
}
