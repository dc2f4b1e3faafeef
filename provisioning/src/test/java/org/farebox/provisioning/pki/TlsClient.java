package org.farebox.provisioning.pki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.farebox.mqtt.tls.PemTls;

/** A Paho v5 client over TLS for the access tests: every message it receives lands in one queue as "topic payload". */
final class TlsClient implements AutoCloseable {
    private static final long WAIT_MS = 5000;
    private final MqttAsyncClient client;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private TlsClient(String url, String clientId, SocketFactory factory) throws MqttException {
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(factory);
        options.setConnectionTimeout(5);
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(WAIT_MS);
    }

    /** Connects with the certificate NAME.crt/NAME.key from {@code dir}, trusting {@code ca}. */
    static TlsClient connect(String url, Path ca, Path dir, String name) throws MqttException {
        return new TlsClient(url, name, PemTls.socketFactory(ca, dir.resolve(name + ".crt"), dir.resolve(name + ".key")));
    }

    /** Connects with a socket factory of the caller's choosing (no certificate, a foreign one...). */
    static TlsClient connect(String url, String clientId, SocketFactory factory) throws MqttException {
        return new TlsClient(url, clientId, factory);
    }

    /** Publishes at QoS 1 and returns the PUBACK reason code (135 = not authorized). */
    int publish(String topic, String payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    int publish(String topic, String payload) throws MqttException {
        return publish(topic, payload, false);
    }

    /** Subscribes at QoS 1 and returns the SUBACK reason code (1 = granted QoS 1, 135 = not authorized). */
    int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
        try {
            token.waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        return token.getReasonCodes()[0];
    }

    /** The next message as "topic payload", or null after 5 s. */
    String next() throws InterruptedException {
        return received.poll(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(0).waitForCompletion(WAIT_MS);
        }
        client.close(true);
    }
}
