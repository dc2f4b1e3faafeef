package org.farebox.provisioning.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.mqtt.tls.PemTls;
import org.farebox.mqtt.tls.TlsSetupException;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Option;

/** Where the broker is and who we are on it: shared by every command that talks MQTT. */
public final class BrokerOptions {
    @Option(names = "--broker", required = true, paramLabel = "URI",
            description = "broker, tcp://host:port or ssl://host:port")
    String broker;

    @Option(names = "--operator", required = true, paramLabel = "ID", description = "operator id (topic prefix)")
    String operator;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificate (PEM) for ssl://")
    Path ca;

    @Option(names = "--cert", paramLabel = "FILE", description = "client certificate chain (PEM) for ssl://")
    Path cert;

    @Option(names = "--key-file", paramLabel = "FILE", description = "client private key (PKCS#8 PEM) for ssl://")
    Path keyFile;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "give up connecting or publishing after this (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    Topics topics() {
        try {
            return new Topics(operator);
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("--operator: " + e.getMessage());
        }
    }

    Duration timeout() {
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new ProvisionException("--timeout must be 1..600 seconds, got " + timeoutSeconds);
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** A connected link, or a ProvisionException saying why not. */
    MqttLink connect() {
        URI uri;
        try {
            uri = new URI(broker);
        } catch (URISyntaxException e) {
            throw new ProvisionException("--broker '" + broker + "' is not a URI: " + e.getMessage());
        }
        boolean tls = "ssl".equals(uri.getScheme());
        if (!(tls || "tcp".equals(uri.getScheme())) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new ProvisionException("--broker must be tcp://host:port or ssl://host:port, got '" + broker + "'");
        }
        Duration timeout = timeout();
        LinkOptions options = LinkOptions.defaults(broker, "farebox-provision-" + operator + "-"
                + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)))
                .withSession(true, 0).withTimeouts(timeout, timeout)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30));
        if (tls) {
            if (ca == null || cert == null || keyFile == null) {
                throw new ProvisionException("an ssl:// broker needs --ca, --cert and --key-file");
            }
            try {
                options = options.withTls(PemTls.socketFactory(ca, cert, keyFile));
            } catch (TlsSetupException e) {
                throw new ProvisionException(e.getMessage(), e);
            }
        }
        MqttLink link = new MqttLink(options, new Random());
        link.start();
        try {
            if (!link.awaitConnected(timeout)) {
                String why = link.lastError();
                link.close();
                throw new ProvisionException("cannot connect to " + broker + " within " + timeout.toSeconds() + " s"
                        + (why.isEmpty() ? "" : ": " + why));
            }
        } catch (InterruptedException e) {
            link.close();
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while connecting to " + broker);
        }
        return link;
    }
}
