package org.farebox.provisioning.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;
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

/** {@code publish keys FILE}: the QR key set, signed, retained on the fleet topic. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Publish the QR root/issuer public keys (farebox-keys/1 JSON, see docs/operator-updates.md).",
                "The whole set replaces the terminals' set; its \"version\" must be above the last one published."})
public final class PublishKeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Mixin
    SigningOptions signing;

    @Parameters(index = "0", paramLabel = "FILE", description = "key set JSON")
    Path file;

    @Option(names = "--version", paramLabel = "N", description = "expected version (must match the file's)")
    Long version;

    @Option(names = "--force", description = "publish even if the version is not above the last one published")
    boolean force;

    @Override
    public Integer call() {
        Args args = new Args(spec);
        String json = OutputFile.read(file, "key set");
        long fileVersion = check(json);
        if (version != null && version != fileVersion) {
            throw args.bad("--version " + version + " does not match the file's version " + fileVersion);
        }
        OperatorState state = signing.state();
        long last = state.last("keys");
        if (fileVersion <= last && !force) {
            throw new ProvisionException("key set v" + fileVersion + " is not above v" + last
                    + " published before; raise \"version\" or add --force");
        }
        Topics topics = broker.topics();
        byte[] message = signing.signer().sign(UpdateKind.KEYS, broker.operator, SignedUpdate.FLEET, fileVersion,
                Instant.now(), Map.of(), json.getBytes(StandardCharsets.UTF_8));
        try (MqttLink link = broker.connect()) {
            Publish.send(link, topics.fleetKeys(), message, true, broker.timeout());
        }
        state.record("keys", Math.max(last, fileVersion));
        Publish.report(spec.commandLine().getOut(), "key set", fileVersion, topics.fleetKeys(), message, true);
        return 0;
    }

    /** The outline checks (the terminal checks every field again); returns the version. */
    private long check(String json) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (JsonException e) {
            throw new ProvisionException("key set " + file + " is not a JSON object: " + e.getMessage());
        }
        if (!"farebox-keys/1".equals(root.get("format"))) {
            throw new ProvisionException("key set " + file + ": \"format\" must be \"farebox-keys/1\"");
        }
        if (!(root.get("version") instanceof Long v) || v < 1) {
            throw new ProvisionException("key set " + file + ": \"version\" must be a whole number of at least 1");
        }
        if (!(root.get("keys") instanceof List<?> keys)) {
            throw new ProvisionException("key set " + file + ": \"keys\" must be a list");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!(keys.get(i) instanceof Map<?, ?> k) || !(k.get("id") instanceof String)
                    || !(k.get("algorithm") instanceof String) || !(k.get("public_key") instanceof String)
                    || !(k.get("not_before") instanceof String) || !(k.get("not_after") instanceof String)) {
                throw new ProvisionException("key set " + file + ": keys[" + i + "] needs id, algorithm, public_key, "
                        + "not_before and not_after");
            }
        }
        return (Long) root.get("version");
    }
}
