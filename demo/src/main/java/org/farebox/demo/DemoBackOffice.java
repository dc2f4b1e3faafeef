package org.farebox.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.farebox.clearing.ClearingHost;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.signed.Ed25519Keys;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateSigner;
import org.farebox.protocol.sync.Topics;

/**
 * Everything behind the bus in the demo: an in-process MQTT broker, the clearing host on SQLite, and an
 * operator with a signing key who publishes a fare table change while the bus is running.
 */
final class DemoBackOffice implements AutoCloseable {
    static final String OPERATOR = "demo";
    private static final Duration START = Duration.ofSeconds(30);

    private final EmbeddedBroker broker;
    private final JdbcClearingStore store;
    private final ClearingHost clearing;
    private final KeyPair operatorKey;
    private final MqttLink operator;

    private DemoBackOffice(EmbeddedBroker broker, JdbcClearingStore store, ClearingHost clearing, KeyPair operatorKey,
            MqttLink operator) {
        this.broker = broker;
        this.store = store;
        this.clearing = clearing;
        this.operatorKey = operatorKey;
        this.operator = operator;
    }

    static DemoBackOffice start(Path dir) throws IOException, InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
        JdbcClearingStore store = null;
        ClearingHost clearing = null;
        MqttLink operator = null;
        try {
            store = JdbcClearingStore.open("jdbc:sqlite:" + dir.resolve("clearing.db"), "", "", Clock.systemUTC());
            clearing = new ClearingHost(LinkOptions.defaults(broker.url(), "clearing-demo")
                    .withSession(false, ClearingHost.SESSION_EXPIRY_SECONDS), store, 0);
            clearing.start();
            operator = new MqttLink(LinkOptions.defaults(broker.url(), "operator-demo").withSession(true, 0),
                    new SecureRandom());
            operator.start();
            if (!clearing.awaitConnected(START) || !operator.awaitConnected(START)) {
                throw new IOException("clearing host or operator could not connect to the demo broker at "
                        + broker.url());
            }
            return new DemoBackOffice(broker, store, clearing, Ed25519Keys.generate(), operator);
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeAll(operator, clearing, store, broker);
            throw e;
        }
    }

    String brokerUrl() {
        return broker.url();
    }

    /** The operator's public key as the terminal's {@code updates.operator_keys} wants it. */
    String operatorPublicKey() {
        return Ed25519Keys.toText(operatorKey.getPublic());
    }

    /**
     * Signs and publishes a fare table (a compiled bundle or a flat table) to the fleet, retained,
     * effective now; waits for the broker's PUBACK. Returns the signed message's size.
     */
    int publishFareTable(long version, byte[] payload) throws Exception {
        byte[] signed = new UpdateSigner(operatorKey.getPrivate()).sign(UpdateKind.FARE_TABLE, OPERATOR,
                SignedUpdate.FLEET, version, Instant.now(), Map.of(), payload);
        operator.publish(new Topics(OPERATOR).fleetFareTable(), signed, 1, true).get(10, TimeUnit.SECONDS);
        return signed.length;
    }

    Report report(ZoneId zone) {
        return store.report(ReportQuery.all(zone));
    }

    ClearingHost.Stats clearingStats() {
        return clearing.stats();
    }

    @Override
    public void close() {
        closeAll(operator, clearing, store, broker);
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable p : parts) {
            if (p != null) {
                try {
                    p.close();
                } catch (Exception e) {
                    System.err.println("demo: closing " + p.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }
}
