package org.farebox.provisioning.fare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.farebox.fare.day.DayPrice;
import org.farebox.fare.day.DayPricer;
import org.farebox.fare.engine.JourneyState;
import org.farebox.fare.extension.ExtensionFileException;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.extension.FareExtensionsParser;
import org.farebox.fare.gtfs.bundle.BundleException;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionCli;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faretable quote}: prices a journey from a JSON file with a compiled bundle, as terminals would. */
@Command(name = "quote", mixinStandardHelpOptions = true,
        description = {"Price a journey (docs/fare-quote.md) with a fare bundle and print JSON: total_fen and, per leg, "
                + "amount_fen, rule, product, transfer and adjustments (caps, promotions).",
                "The same day pricer the clearing host re-rates with; legs must be in time order.",
                "Exit 1 when the bundle or the journey cannot be read (the message names the field)."})
public final class QuoteFareTableCommand implements Callable<Integer> {
    private static final long MAX_JOURNEY_BYTES = 1024 * 1024;
    private static final long MAX_BUNDLE_BYTES = 256L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, paramLabel = "BUNDLE", description = "compiled fare bundle (.fbft)")
    Path bundle;

    @Option(names = "--journey", required = true, paramLabel = "FILE", description = "journey JSON")
    Path journey;

    @Option(names = "--extensions", paramLabel = "DIR",
            description = "price with the Farebox extension files in this folder (farebox_caps.txt, "
                    + "farebox_promotions.txt, ...) instead of those compiled into the bundle")
    Path extensionsDir;

    @Override
    public Integer call() {
        FareBundle fares = readBundle();
        FareExtensions extensions = extensionsDir == null ? fares.table().extensions() : readExtensions();
        JourneyFile file = readJourney();
        DayPrice price;
        try {
            price = new DayPricer(fares.table(), extensions).price(file.legs(), JourneyState.start(), file.start());
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("journey " + journey + " cannot be priced: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println(QuoteJson.render(price));
        return price.complete() ? 0 : ProvisionCli.EXIT_FAILED;
    }

    private FareBundle readBundle() {
        try {
            if (Files.size(bundle) > MAX_BUNDLE_BYTES) {
                throw new ProvisionException("bundle " + bundle + " is larger than 256 MiB");
            }
            return FareBundle.decode(Files.readAllBytes(bundle));
        } catch (IOException e) {
            throw new ProvisionException("cannot read bundle " + bundle + ": " + e.getMessage(), e);
        } catch (BundleException e) {
            throw new ProvisionException("bundle " + bundle + " is not a valid fare bundle: " + e.getMessage(), e);
        }
    }

    private FareExtensions readExtensions() {
        if (!Files.isDirectory(extensionsDir)) {
            throw new ProvisionException("--extensions " + extensionsDir + " is not a folder");
        }
        try {
            return new FareExtensionsParser().parse(extensionsDir);
        } catch (ExtensionFileException e) {
            throw new ProvisionException("extension files in " + extensionsDir + " are invalid: " + e.getMessage(), e);
        }
    }

    private JourneyFile readJourney() {
        try {
            if (Files.size(journey) > MAX_JOURNEY_BYTES) {
                throw new ProvisionException("journey " + journey + " is larger than 1 MiB");
            }
        } catch (IOException e) {
            throw new ProvisionException("cannot read journey " + journey + ": " + e.getMessage(), e);
        }
        try {
            return JourneyFile.parse(OutputFile.read(journey, "journey"));
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("journey " + journey + ": " + e.getMessage(), e);
        }
    }
}
