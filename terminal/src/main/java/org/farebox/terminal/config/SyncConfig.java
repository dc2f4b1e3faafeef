package org.farebox.terminal.config;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.config.ConfigFile;
import org.farebox.protocol.signed.Ed25519Keys;

/**
 * The {@code sync.*} and {@code updates.*} keys: how the terminal reaches the broker, how it batches
 * its ledger to the clearing host, and which operator keys and sizes it accepts for updates.
 * An empty {@code sync.broker} means the terminal runs offline (taps still go into the ledger).
 */
public record SyncConfig(String broker, String operator, Path tlsCa, Path tlsCert, Path tlsKey,
        int batchRows, Duration batchMaxWait, int inFlightBatches, Duration ackTimeout, Duration connectTimeout,
        Duration operationTimeout, Duration keepAlive, Duration backoffMin, Duration backoffMax,
        Duration backoffStable, Duration statusInterval, List<PublicKey> operatorKeys, int maxFareTableBytes,
        int maxDenyListBytes, int maxKeysBytes, int maxCommandBytes) {

    static final Set<String> KEYS = Set.of("sync.broker", "sync.operator", "sync.tls.ca", "sync.tls.cert",
            "sync.tls.key", "sync.batch_rows", "sync.batch_ms", "sync.in_flight", "sync.ack_timeout_s",
            "sync.connect_timeout_s", "sync.operation_timeout_s", "sync.keepalive_s", "sync.backoff_min_ms",
            "sync.backoff_max_ms", "sync.backoff_stable_s", "sync.status_interval_s", "updates.operator_keys",
            "updates.max_faretable_bytes", "updates.max_denylist_bytes", "updates.max_keys_bytes",
            "updates.max_cmd_bytes");

    public SyncConfig {
        operatorKeys = List.copyOf(operatorKeys);
    }

    /** True when a broker is configured. */
    public boolean enabled() {
        return !broker.isEmpty();
    }

    /** True for ssl:// brokers: the client certificate files must then be given. */
    public boolean tls() {
        return broker.startsWith("ssl://");
    }

    static SyncConfig from(ConfigFile f) {
        String broker = f.get("sync.broker", "", SyncConfig::brokerUri);
        SyncConfig c = new SyncConfig(broker,
                f.get("sync.operator", "farebox", Values::terminalId),
                f.get("sync.tls.ca", null, Values::optionalPath),
                f.get("sync.tls.cert", null, Values::optionalPath),
                f.get("sync.tls.key", null, Values::optionalPath),
                f.get("sync.batch_rows", 500, v -> Values.intIn(v, 1, 10_000)),
                Duration.ofMillis(f.get("sync.batch_ms", 2000, v -> Values.intIn(v, 10, 600_000))),
                f.get("sync.in_flight", 8, v -> Values.intIn(v, 1, 1024)),
                Duration.ofSeconds(f.get("sync.ack_timeout_s", 30, v -> Values.intIn(v, 1, 3600))),
                Duration.ofSeconds(f.get("sync.connect_timeout_s", 10, v -> Values.intIn(v, 1, 300))),
                Duration.ofSeconds(f.get("sync.operation_timeout_s", 10, v -> Values.intIn(v, 1, 300))),
                Duration.ofSeconds(f.get("sync.keepalive_s", 30, v -> Values.intIn(v, 5, 3600))),
                Duration.ofMillis(f.get("sync.backoff_min_ms", 1000, v -> Values.intIn(v, 10, 600_000))),
                Duration.ofMillis(f.get("sync.backoff_max_ms", 60_000, v -> Values.intIn(v, 10, 3_600_000))),
                Duration.ofSeconds(f.get("sync.backoff_stable_s", 30, v -> Values.intIn(v, 1, 3600))),
                Duration.ofSeconds(f.get("sync.status_interval_s", 60, v -> Values.intIn(v, 1, 86_400))),
                f.get("updates.operator_keys", List.of(), SyncConfig::operatorKeys),
                f.get("updates.max_faretable_bytes", 1 << 20, v -> Values.intIn(v, 1024, 64 << 20)),
                f.get("updates.max_denylist_bytes", 32 << 20, v -> Values.intIn(v, 1024, 256 << 20)),
                f.get("updates.max_keys_bytes", 256 << 10, v -> Values.intIn(v, 1024, 16 << 20)),
                f.get("updates.max_cmd_bytes", 64 << 10, v -> Values.intIn(v, 1024, 1 << 20)));
        if (c.backoffMax.compareTo(c.backoffMin) < 0) {
            throw new ConfigException(f.source() + ": sync.backoff_max_ms must not be below sync.backoff_min_ms");
        }
        if (c.tls() && (c.tlsCa == null || c.tlsCert == null || c.tlsKey == null)) {
            throw new ConfigException(f.source() + ": an ssl:// sync.broker needs sync.tls.ca, sync.tls.cert and "
                    + "sync.tls.key");
        }
        return c;
    }

    private static String brokerUri(String text) {
        if (text.isEmpty()) {
            return text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("is not a URI: " + e.getMessage());
        }
        if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getPort() <= 0) {
            throw new IllegalArgumentException("must be tcp://host:port or ssl://host:port");
        }
        return text;
    }

    private static List<PublicKey> operatorKeys(String text) {
        List<PublicKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                keys.add(Ed25519Keys.parsePublic(part));
            }
        }
        return keys;
    }
}
