package org.farebox.mqtt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * How one MQTT connection behaves. Defaults suit a terminal on a flaky mobile link; every field can
 * be changed with the {@code with…} copies.
 *
 * @param serverUri        tcp://host:port or ssl://host:port
 * @param socketFactory    TLS factory (with client certificate) for ssl://; empty for plain TCP
 * @param connectTimeout   give up a connect attempt after this
 * @param operationTimeout give up a subscribe, or a publish waiting for the window, after this
 * @param maxInFlight      QoS 1 publishes awaiting PUBACK at once (Paho has no limit of its own)
 * @param inboundWindow    the Receive Maximum we announce: unacknowledged messages the broker may push
 * @param will             published by the broker if we vanish; null for none
 */
public record LinkOptions(String serverUri, String clientId, Optional<SocketFactory> socketFactory,
        Duration connectTimeout, Duration operationTimeout, Duration keepAlive, Duration backoffMin,
        Duration backoffMax, Duration stableAfter, int maxInFlight, int inboundWindow, boolean cleanStart,
        long sessionExpirySeconds, Will will) {

    /** A last-will message. */
    public record Will(String topic, byte[] payload, int qos, boolean retained) {
    }

    public LinkOptions {
        Objects.requireNonNull(serverUri);
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(socketFactory);
        if (maxInFlight < 1 || inboundWindow < 1 || inboundWindow > 65535) {
            throw new IllegalArgumentException("maxInFlight >= 1 and 1 <= inboundWindow <= 65535");
        }
    }

    /** Defaults: 10 s connect, 10 s operations, 30 s keep-alive, backoff 1 s..60 s reset after 30 s up. */
    public static LinkOptions defaults(String serverUri, String clientId) {
        return new LinkOptions(serverUri, clientId, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30), 16, 64,
                false, 7 * 24 * 3600L, null);
    }

    public LinkOptions withTls(SocketFactory factory) {
        return new LinkOptions(serverUri, clientId, Optional.of(factory), connectTimeout, operationTimeout, keepAlive,
                backoffMin, backoffMax, stableAfter, maxInFlight, inboundWindow, cleanStart, sessionExpirySeconds, will);
    }

    public LinkOptions withTimeouts(Duration connect, Duration operation) {
        return new LinkOptions(serverUri, clientId, socketFactory, connect, operation, keepAlive, backoffMin,
                backoffMax, stableAfter, maxInFlight, inboundWindow, cleanStart, sessionExpirySeconds, will);
    }

    public LinkOptions withKeepAlive(Duration keepAliveInterval) {
        return new LinkOptions(serverUri, clientId, socketFactory, connectTimeout, operationTimeout, keepAliveInterval,
                backoffMin, backoffMax, stableAfter, maxInFlight, inboundWindow, cleanStart, sessionExpirySeconds, will);
    }

    public LinkOptions withBackoff(Duration min, Duration max, Duration stable) {
        return new LinkOptions(serverUri, clientId, socketFactory, connectTimeout, operationTimeout, keepAlive, min,
                max, stable, maxInFlight, inboundWindow, cleanStart, sessionExpirySeconds, will);
    }

    public LinkOptions withWindows(int inFlight, int inbound) {
        return new LinkOptions(serverUri, clientId, socketFactory, connectTimeout, operationTimeout, keepAlive,
                backoffMin, backoffMax, stableAfter, inFlight, inbound, cleanStart, sessionExpirySeconds, will);
    }

    public LinkOptions withSession(boolean clean, long expirySeconds) {
        return new LinkOptions(serverUri, clientId, socketFactory, connectTimeout, operationTimeout, keepAlive,
                backoffMin, backoffMax, stableAfter, maxInFlight, inboundWindow, clean, expirySeconds, will);
    }

    public LinkOptions withWill(Will lastWill) {
        return new LinkOptions(serverUri, clientId, socketFactory, connectTimeout, operationTimeout, keepAlive,
                backoffMin, backoffMax, stableAfter, maxInFlight, inboundWindow, cleanStart, sessionExpirySeconds,
                lastWill);
    }
}
