package org.farebox.provisioning.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.farebox.mqtt.tls.NoDelaySocketFactory;
import org.farebox.mqtt.tls.PemTls;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MQTT security of issue 3 against a real Mosquitto 2.0: TLS listener with client certificates,
 * the ACL and the certificates that {@code farebox-provision pki} made, Paho v5 clients with PemTls.
 */
class MqttAccessControlTest {
    private static final int NOT_AUTHORIZED = 135;
    private static final String ROOT = "farebox/v1/OP1/";
    private static final String SHARED_TXN = "$share/clearing/farebox/v1/+/terminal/+/txn";

    private static Path dir;
    private static Path ca;
    private static MosquittoBroker broker;

    @BeforeAll
    static void provisionAndStartBroker() throws IOException {
        dir = Files.createTempDirectory("farebox-pki-");
        String pki = dir.toString();
        PkiCli.ok("pki", "init", "--dir", pki, "--operator", "OP1");
        PkiCli.ok("pki", "issue", "--dir", pki, "broker", "localhost");
        PkiCli.ok("pki", "issue", "--dir", pki, "terminal", "T1", "T2");
        PkiCli.ok("pki", "issue", "--dir", pki, "clearing", "main");
        PkiCli.ok("pki", "issue", "--dir", pki, "operator", "ops");
        PkiCli.ok("pki", "acl", "--dir", pki, "--operator", "OP1");
        ca = dir.resolve("ca.crt");
        broker = MosquittoBroker.builder().plainListener(false).persistence(false).allowAnonymous(false)
                .tls(ca, dir.resolve("broker.crt"), dir.resolve("broker.key")).aclFile(dir.resolve("acl")).start();
    }

    @AfterAll
    static void stopBroker() throws IOException {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void clearingSharedSubscriptionReceivesTheTerminalsBatch() throws Exception {
        try (TlsClient clearing = client("clearing-main"); TlsClient t1 = client("T1")) {
            assertEquals(1, clearing.subscribe(SHARED_TXN), broker.logTail());
            assertEquals(0, t1.publish(ROOT + "terminal/T1/txn", "batch-1"));
            assertEquals(ROOT + "terminal/T1/txn batch-1", clearing.next());
        }
    }

    @Test
    void terminalCannotPublishIntoAnotherTerminalsTxnOrStatus() throws Exception {
        try (TlsClient clearing = client("clearing-main"); TlsClient operator = client("operator-ops");
                TlsClient t1 = client("T1"); TlsClient t2 = client("T2")) {
            clearing.subscribe(SHARED_TXN);
            assertEquals(1, operator.subscribe(ROOT + "terminal/+/status"));

            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "terminal/T2/txn", "forged"));
            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "terminal/T2/status", "forged"));

            // T2's own messages come next: had the forged ones got through, they would have arrived first.
            assertEquals(0, t2.publish(ROOT + "terminal/T2/txn", "real"));
            assertEquals(0, t2.publish(ROOT + "terminal/T2/status", "online", true));
            assertEquals(ROOT + "terminal/T2/txn real", clearing.next());
            assertEquals(ROOT + "terminal/T2/status online", operator.next());
        }
    }

    @Test
    void terminalCannotPublishFleetTopicsAcksOrCommands() throws Exception {
        try (TlsClient t1 = client("T1")) {
            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "fleet/faretable", "free rides", true));
            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "fleet/denylist", "[]", true));
            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "terminal/T1/ack", "self-acked"));
            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "terminal/T2/ack", "acked"));
            assertEquals(NOT_AUTHORIZED, t1.publish(ROOT + "terminal/T2/cmd", "reboot"));
            assertEquals(NOT_AUTHORIZED, t1.publish("farebox/v1/OP2/terminal/T1/txn", "other operator"));
        }
    }

    @Test
    void terminalSubscribingToOthersTopicsIsGrantedButReceivesNothing() throws Exception {
        // Mosquitto 2.0's acl_file grants every SUBSCRIBE (SUBACK 1) and checks read access per message at
        // delivery; so a terminal may even join the clearing share group, but what it is dealt is dropped.
        try (TlsClient operator = client("operator-ops"); TlsClient clearing = client("clearing-main");
                TlsClient t1 = client("T1"); TlsClient t2 = client("T2")) {
            assertEquals(1, t1.subscribe(ROOT + "terminal/T2/cmd"));
            assertEquals(1, t1.subscribe(ROOT + "terminal/T2/ack"));
            assertEquals(1, t1.subscribe(ROOT + "terminal/+/txn"));
            assertEquals(1, t1.subscribe(SHARED_TXN));
            assertEquals(1, t1.subscribe(ROOT + "terminal/#"));

            assertEquals(0, t2.publish(ROOT + "terminal/T2/txn", "T2 sale"));
            assertEquals(0, t2.publish(ROOT + "terminal/T2/txn", "T2 sale 2"));
            assertEquals(0, operator.publish(ROOT + "terminal/T2/cmd", "for T2"));
            assertTrue(clearing.publish(ROOT + "terminal/T2/ack", "for T2") < 0x80);
            assertEquals(0, operator.publish(ROOT + "terminal/T1/cmd", "for T1"));
            // T1's own command is the first thing it gets: nothing of T2's came before it.
            assertEquals(ROOT + "terminal/T1/cmd for T1", t1.next());
        }
    }

    @Test
    void clearingAckReachesTheTerminal() throws Exception {
        try (TlsClient clearing = client("clearing-main"); TlsClient t1 = client("T1")) {
            assertEquals(1, t1.subscribe(ROOT + "terminal/T1/ack"));
            assertEquals(0, clearing.publish(ROOT + "terminal/T1/ack", "ack 1..10"));
            assertEquals(ROOT + "terminal/T1/ack ack 1..10", t1.next());
        }
    }

    @Test
    void operatorFleetDataIsRetainedForTerminals() throws Exception {
        try (TlsClient operator = client("operator-ops")) {
            assertTrue(operator.publish(ROOT + "fleet/faretable", "table v7", true) < 0x80);
        }
        try (TlsClient t1 = client("T1")) {
            assertEquals(1, t1.subscribe(ROOT + "fleet/#"));
            assertEquals(ROOT + "fleet/faretable table v7", t1.next());
        }
    }

    @Test
    void clearingAndOperatorKeepToTheirOwnRoles() throws Exception {
        try (TlsClient clearing = client("clearing-main"); TlsClient operator = client("operator-ops")) {
            assertEquals(NOT_AUTHORIZED, clearing.publish(ROOT + "fleet/faretable", "x", true));
            assertEquals(NOT_AUTHORIZED, clearing.publish(ROOT + "terminal/T1/cmd", "x"));
            assertEquals(NOT_AUTHORIZED, operator.publish(ROOT + "terminal/T1/txn", "forged sale"));
            assertEquals(NOT_AUTHORIZED, operator.publish(ROOT + "terminal/T1/ack", "forged ack"));
        }
    }

    @Test
    void clientWithoutCertificateCannotConnect() {
        assertThrows(MqttException.class, () -> TlsClient.connect(broker.tlsUrl(), "anonymous",
                new NoDelaySocketFactory(PemTls.trustOnly(ca).getSocketFactory())));
        assertThrows(MqttException.class, () -> TlsClient.connect(broker.tlsUrl().replace("ssl:", "tcp:"), "plain",
                NoDelaySocketFactory.plain()));
    }

    @Test
    void certificateFromAnotherCaCannotConnect() throws Exception {
        Path other = Files.createTempDirectory(dir, "other-ca-");
        PkiCli.ok("pki", "init", "--dir", other.toString(), "--operator", "OP1");
        PkiCli.ok("pki", "issue", "--dir", other.toString(), "terminal", "T1");
        // Trusts the real broker, presents a T1 certificate the real CA never signed.
        assertThrows(MqttException.class, () -> TlsClient.connect(broker.tlsUrl(), "T1",
                PemTls.socketFactory(ca, other.resolve("T1.crt"), other.resolve("T1.key"))));
    }

    @Test
    void brokerCertificateIsNoClientCertificate() {
        assertThrows(MqttException.class, () -> TlsClient.connect(broker.tlsUrl(), "localhost",
                PemTls.socketFactory(ca, dir.resolve("broker.crt"), dir.resolve("broker.key"))));
    }

    private static TlsClient client(String name) throws MqttException {
        return TlsClient.connect(broker.tlsUrl(), ca, dir, name);
    }
}
