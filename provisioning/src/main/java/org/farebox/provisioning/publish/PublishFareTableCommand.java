package org.farebox.provisioning.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.farebox.fare.gtfs.bundle.BundleException;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code publish faretable FILE}: a checked fare table (compiled bundle or flat), signed, retained on the fleet topic. */
@Command(name = "faretable", mixinStandardHelpOptions = true,
        description = {"Publish a fare table (a bundle from faretable compile, or farebox-flat-fare/1 JSON) to every terminal of the operator.",
                "The table is checked first; its \"version\" is the update's version and must be above the last one",
                "published from --state. With --valid-from the terminals keep it staged and switch at that time."})
public final class PublishFareTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Mixin
    SigningOptions signing;

    @Parameters(index = "0", paramLabel = "FILE", description = "compiled fare bundle or flat fare table JSON")
    Path file;

    @Option(names = "--version", paramLabel = "N", description = "expected version (must match the file's)")
    Long version;

    @Option(names = "--valid-from", paramLabel = "TIME",
            description = "ISO-8601 time the table takes effect, e.g. 2026-12-01T04:00:00+08:00 (default: at once)")
    String validFrom;

    @Option(names = "--force", description = "publish even if the version is not above the last one published")
    boolean force;

    @Override
    public Integer call() {
        Args args = new Args(spec);
        byte[] payload = readBytes(file);
        long tableVersion = checkedVersion(file, payload);
        if (version != null && version != tableVersion) {
            throw args.bad("--version " + version + " does not match the file's version " + tableVersion);
        }
        Map<String, String> attrs = validFrom == null ? Map.of() : Map.of("valid_from", instant(args, validFrom).toString());
        OperatorState state = signing.state();
        long last = state.last("faretable");
        if (tableVersion <= last && !force) {
            throw new ProvisionException("fare table v" + tableVersion + " is not above v" + last
                    + " published before (terminals would refuse it as STALE); raise \"version\" or add --force");
        }
        Topics topics = broker.topics();
        byte[] message = signing.signer().sign(UpdateKind.FARE_TABLE, broker.operator, SignedUpdate.FLEET,
                tableVersion, Instant.now(), attrs, payload);
        try (MqttLink link = broker.connect()) {
            Publish.send(link, topics.fleetFareTable(), message, true, broker.timeout());
        }
        state.record("faretable", Math.max(last, tableVersion));
        Publish.report(spec.commandLine().getOut(), "fare table", tableVersion, topics.fleetFareTable(), message, true);
        if (validFrom != null) {
            spec.commandLine().getOut().println("terminals switch to it at " + attrs.get("valid_from"));
        }
        return 0;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProvisionException("cannot read fare table " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The version of a compiled GTFS-Fares bundle (checked in full, as a terminal will) or of a flat table;
     * what terminals would refuse is refused here, before it is signed.
     */
    static long checkedVersion(Path file, byte[] payload) {
        if (FareBundle.looksLikeBundle(payload)) {
            try {
                return FareBundle.decode(payload).table().version();
            } catch (BundleException | IllegalArgumentException e) {
                throw new ProvisionException("fare bundle " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            return FlatFareTable.parse(new String(payload, StandardCharsets.UTF_8)).version();
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("fare table " + file + ": " + e.getMessage(), e);
        }
    }

    static Instant instant(Args args, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw args.bad("--valid-from must be an ISO-8601 time such as 2026-12-01T04:00:00+08:00, got \""
                        + text + "\"");
            }
        }
    }
}
