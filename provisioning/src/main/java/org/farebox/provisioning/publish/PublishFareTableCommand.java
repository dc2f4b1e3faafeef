package org.farebox.provisioning.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code publish faretable FILE}: a checked fare table, signed, retained on the fleet topic. */
@Command(name = "faretable", mixinStandardHelpOptions = true,
        description = {"Publish a fare table (farebox-flat-fare/1 JSON) to every terminal of the operator.",
                "The table is checked first; its \"version\" is the update's version and must be above the last one",
                "published from --state. With --valid-from the terminals keep it staged and switch at that time."})
public final class PublishFareTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Mixin
    SigningOptions signing;

    @Parameters(index = "0", paramLabel = "FILE", description = "fare table JSON")
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
        String json = OutputFile.read(file, "fare table");
        FlatFareTable table;
        try {
            table = FlatFareTable.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("fare table " + file + ": " + e.getMessage(), e);
        }
        if (version != null && version != table.version()) {
            throw args.bad("--version " + version + " does not match the file's version " + table.version());
        }
        Map<String, String> attrs = validFrom == null ? Map.of() : Map.of("valid_from", instant(args, validFrom).toString());
        OperatorState state = signing.state();
        long last = state.last("faretable");
        if (table.version() <= last && !force) {
            throw new ProvisionException("fare table v" + table.version() + " is not above v" + last
                    + " published before (terminals would refuse it as STALE); raise \"version\" or add --force");
        }
        Topics topics = broker.topics();
        byte[] message = signing.signer().sign(UpdateKind.FARE_TABLE, broker.operator, SignedUpdate.FLEET,
                table.version(), Instant.now(), attrs, json.getBytes(StandardCharsets.UTF_8));
        try (MqttLink link = broker.connect()) {
            Publish.send(link, topics.fleetFareTable(), message, true, broker.timeout());
        }
        state.record("faretable", Math.max(last, table.version()));
        Publish.report(spec.commandLine().getOut(), "fare table", table.version(), topics.fleetFareTable(), message, true);
        if (validFrom != null) {
            spec.commandLine().getOut().println("terminals switch to it at " + attrs.get("valid_from"));
        }
        return 0;
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
