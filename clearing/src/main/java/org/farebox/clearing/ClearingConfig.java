package org.farebox.clearing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.config.ConfigFile;
import org.farebox.protocol.sync.Topics;

/**
 * The clearing host's settings, read from a {@code key = value} file (see etc/clearing.conf).
 *
 * @param sessionExpirySeconds how long the broker keeps this host's session (and queues its share of
 *                       batches) while it is away; 0 = the session ends with the connection
 * @param haltAfterStore test-only fault injection ({@code debug.halt_after_store}): after committing
 *                       this many batches the process halts with status 137 before sending the ack; 0 = off
 * @param shareGroup the shared-subscription group ({@code mqtt.share_group}); keep it private
 */
public record ClearingConfig(String broker, String clientId, Optional<Path> tlsCa, Optional<Path> tlsCert,
        Optional<Path> tlsKey, long sessionExpirySeconds, String jdbcUrl, String storeUser, String storePassword, ZoneId reportZone,
        int haltAfterStore, String shareGroup) {

    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";
    public static final String DEFAULT_JDBC_URL = "jdbc:sqlite:/var/lib/farebox/clearing.db";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final long DEFAULT_SESSION_EXPIRY_SECONDS = 7 * 24 * 3600L;

    static final Set<String> KEYS = Set.of("mqtt.broker", "mqtt.client_id", "mqtt.tls.ca", "mqtt.tls.cert",
            "mqtt.tls.key", "mqtt.session_expiry_s", "mqtt.share_group", "store.jdbc_url", "store.user", "store.password", "report.timezone", "fare.bundle",
            "debug.halt_after_store");

    public ClearingConfig {
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            throw new ConfigException("mqtt.tls.cert and mqtt.tls.key go together: give both or neither");
        }
        if (broker.startsWith("ssl://") && tlsCa.isEmpty()) {
            throw new ConfigException("mqtt.broker " + broker + " is TLS: mqtt.tls.ca is needed to trust it");
        }
        if ((tlsCa.isPresent() || tlsCert.isPresent()) && !broker.startsWith("ssl://")) {
            throw new ConfigException("mqtt.tls.* is set but mqtt.broker " + broker + " is not ssl://");
        }
    }

    /** Every default: local broker, SQLite in /var/lib/farebox, Asia/Shanghai days. */
    public static ClearingConfig defaults() {
        return new ClearingConfig(DEFAULT_BROKER, defaultClientId(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_SESSION_EXPIRY_SECONDS, DEFAULT_JDBC_URL, "", "", DEFAULT_ZONE, 0, Topics.DEFAULT_SHARE_GROUP);
    }

    /** Reads and checks a config file; every problem is a {@link ConfigException} naming the line. */
    public static ClearingConfig read(Path file) {
        return from(ConfigFile.read(file));
    }

    /** Parses config text ({@code source} names it in errors). */
    public static ClearingConfig parse(String source, String text) {
        return from(ConfigFile.parse(source, text));
    }

    private static ClearingConfig from(ConfigFile c) {
        c.rejectUnknownKeys(KEYS);
        String broker = c.get("mqtt.broker", DEFAULT_BROKER, ClearingConfig::brokerUri);
        String clientId = c.get("mqtt.client_id", null, ClearingConfig::clientId);
        String jdbc = c.get("store.jdbc_url", DEFAULT_JDBC_URL, ClearingConfig::jdbcUrl);
        ZoneId zone = c.get("report.timezone", DEFAULT_ZONE, ZoneId::of);
        long expiry = c.get("mqtt.session_expiry_s", DEFAULT_SESSION_EXPIRY_SECONDS, v -> {
            long n = Long.parseLong(v);
            if (n < 0 || n > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("must be 0 to 4294967295 seconds, got " + n);
            }
            return n;
        });
        int halt = c.get("debug.halt_after_store", 0, v -> {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new IllegalArgumentException("must be 0 (off) or a positive count, got " + n);
            }
            return n;
        });
        try {
            return new ClearingConfig(broker, clientId == null ? defaultClientId() : clientId,
                    c.get("mqtt.tls.ca", Optional.empty(), ClearingConfig::path),
                    c.get("mqtt.tls.cert", Optional.empty(), ClearingConfig::path),
                    c.get("mqtt.tls.key", Optional.empty(), ClearingConfig::path), expiry, jdbc,
                    c.get("store.user", "", v -> v), c.get("store.password", "", v -> v), zone, halt,
                    c.get("mqtt.share_group", Topics.DEFAULT_SHARE_GROUP, ClearingConfig::shareGroup));
        } catch (ConfigException e) {
            throw new ConfigException(c.source() + ": " + e.getMessage(), e);
        }
    }

    private static String shareGroup(String v) {
        return Topics.requireId(v, "share group");
    }

    /** True for the SQLite store; otherwise PostgreSQL. */
    public boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    private static String brokerUri(String v) {
        URI uri = URI.create(v);
        if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getPort() < 1) {
            throw new IllegalArgumentException("must be tcp://host:port or ssl://host:port, got '" + v + "'");
        }
        return v;
    }

    private static String clientId(String v) {
        if (v.isEmpty() || v.length() > 64 || !v.chars().allMatch(ch -> ch > 32 && ch < 127 && ch != '/' && ch != '+'
                && ch != '#')) {
            throw new IllegalArgumentException("must be 1-64 printable ASCII characters without / + #, got '" + v + "'");
        }
        return v;
    }

    private static String jdbcUrl(String v) {
        if (!v.startsWith("jdbc:sqlite:") && !v.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("must start with jdbc:sqlite: or jdbc:postgresql:, got '" + v + "'");
        }
        if (v.equals("jdbc:sqlite:") || v.contains(":memory:")) {
            throw new IllegalArgumentException("an SQLite store needs a file (the rows must survive a restart)");
        }
        return v;
    }

    private static Optional<Path> path(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        return Optional.of(Path.of(v));
    }

    /** clearing-&lt;hostname&gt;: unique per machine, stable across restarts (the broker session is kept by it). */
    static String defaultClientId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "_");
        return "clearing-" + (cleaned.length() > 48 ? cleaned.substring(0, 48) : cleaned);
    }
}
