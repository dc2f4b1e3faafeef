package org.farebox.mqtt.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEM fixtures (test resources, valid for 100 years, test-only keys) were made with openssl: an EC
 * P-256 CA, a broker certificate for localhost/127.0.0.1, client "T1" (PKCS#8 key and the same key in
 * SEC1 form), and a "rogue" T1 from another CA.
 */
class PemTlsTest {
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.builder().plainListener(false)
                .tls(file("ca.crt"), file("broker.crt"), file("broker.key")).start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void clientCertificateFromPemFilesConnectsAndPublishesOverTls() throws Exception {
        MqttClient client = connect(PemTls.socketFactory(file("ca.crt"), file("client.crt"), file("client.key")));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe(new MqttSubscription[] {new MqttSubscription("pemtls/echo", 1)},
                new IMqttMessageListener[] {(t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
        MqttMessage message = new MqttMessage("over tls".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("pemtls/echo", message);
        assertEquals("over tls", received.poll(5, TimeUnit.SECONDS));
        client.disconnect();
        client.close();
    }

    @Test
    void socketFactorySocketsHaveTcpNoDelay() throws Exception {
        SSLSocketFactory factory = PemTls.socketFactory(file("ca.crt"), file("client.crt"), file("client.key"));
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", broker.tlsPort()), 5000);
            // Paho layers TLS over a socket it connected itself (for SNI): that path must set the option too.
            try (SSLSocket tls = (SSLSocket) factory.createSocket(plain, "127.0.0.1", broker.tlsPort(), true)) {
                tls.startHandshake();
                assertTrue(tls.getTcpNoDelay());
                assertTrue(plain.getTcpNoDelay());
            }
        }
        try (Socket unconnected = factory.createSocket()) {
            assertTrue(unconnected.getTcpNoDelay());
        }
        try (Socket plain = NoDelaySocketFactory.plain().createSocket()) {
            assertTrue(plain.getTcpNoDelay());
        }
    }

    @Test
    void brokerCertificateFromAnotherCaIsNotTrusted() {
        // Trusting only other-ca.crt, the client must reject our broker's certificate: no system trust store.
        SSLSocketFactory factory = PemTls.socketFactory(file("other-ca.crt"), file("client.crt"), file("client.key"));
        assertThrows(MqttException.class, () -> connect(factory));
    }

    @Test
    void keyOfAnotherPairIsRefusedNamingBothFiles() {
        TlsSetupException e = assertThrows(TlsSetupException.class,
                () -> PemTls.context(file("ca.crt"), file("client.crt"), file("rogue.key")));
        assertTrue(e.getMessage().contains("rogue.key") && e.getMessage().contains("client.crt"), e.getMessage());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void sec1KeyIsRefusedWithTheConversionCommand() {
        TlsSetupException e = assertThrows(TlsSetupException.class,
                () -> PemTls.context(file("ca.crt"), file("client.crt"), file("client-sec1.key")));
        assertTrue(e.getMessage().contains("client-sec1.key") && e.getMessage().contains("openssl pkcs8"), e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.crt");
        TlsSetupException e = assertThrows(TlsSetupException.class,
                () -> PemTls.context(missing, file("client.crt"), file("client.key")));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void fileWithoutPemIsRefused(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.crt"), "hello\n");
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> PemTls.trustOnly(notPem));
        assertTrue(e.getMessage().contains("no PEM certificate"), e.getMessage());
        Path keyAsCert = file("client.key");
        TlsSetupException keyInstead = assertThrows(TlsSetupException.class,
                () -> PemTls.context(file("ca.crt"), keyAsCert, file("client.key")));
        assertTrue(keyInstead.getMessage().contains("client.key"), keyInstead.getMessage());
    }

    @Test
    void damagedBase64IsRefused(@TempDir Path dir) throws Exception {
        Path damaged = Files.writeString(dir.resolve("bad.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> PemFiles.privateKey(damaged));
        assertTrue(e.getMessage().contains("bad.key"), e.getMessage());
    }

    private static MqttClient connect(SSLSocketFactory factory) throws MqttException {
        MqttClient client = new MqttClient(broker.tlsUrl(), "pemtls-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(factory);
        options.setConnectionTimeout(5);
        client.connect(options);
        return client;
    }

    private static Path file(String name) {
        try {
            return Path.of(PemTlsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
