package org.farebox.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

class MosquittoBrokerTest {

    @Test
    void restartKeepsRetainedMessagesAndTheSamePort() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            String url = broker.url();
            MqttClient publisher = connect(url, "pub");
            MqttMessage retained = new MqttMessage("table-v7".getBytes(StandardCharsets.UTF_8));
            retained.setQos(1);
            retained.setRetained(true);
            publisher.publish("farebox/test/retained", retained);
            publisher.disconnect();
            publisher.close();

            broker.restart();

            assertEquals(url, broker.url());
            assertEquals("table-v7", firstMessage(url, "farebox/test/retained"));
        }
    }

    @Test
    void withoutPersistenceARestartForgetsRetainedMessages() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().persistence(false).start()) {
            MqttClient publisher = connect(broker.url(), "pub");
            MqttMessage retained = new MqttMessage("old".getBytes(StandardCharsets.UTF_8));
            retained.setQos(1);
            retained.setRetained(true);
            publisher.publish("farebox/test/retained", retained);
            publisher.disconnect();
            publisher.close();

            broker.restart();

            // The broker sends retained messages right after SUBACK and before handling our next PUBLISH,
            // so a live message arriving first means there was no retained one.
            assertEquals("live", firstMessageAfterPublishing(broker.url(), "farebox/test/retained", "live"));
        }
    }

    @Test
    void killedBrokerIsDownAndStartsAgain() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            broker.kill();
            assertFalse(broker.isRunning());
            assertThrows(MqttException.class, () -> connect(broker.url(), "after-kill"));
            broker.start();
            MqttClient client = connect(broker.url(), "after-start");
            assertTrue(client.isConnected());
            client.disconnect();
            client.close();
        }
    }

    @Test
    void badConfigurationFailsStartWithTheBrokersLog() {
        MosquittoBroker.Builder builder = MosquittoBroker.builder().configLine("no_such_option 1");
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::start);
        assertTrue(e.getMessage().contains("no_such_option"), e.getMessage());
    }

    @Test
    void configurationHasTheTrapsFixed() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().messageSizeLimit(65536).build()) {
            String conf = Files.readString(broker.configFile());
            assertTrue(conf.contains("user " + System.getProperty("user.name")), conf);
            assertTrue(conf.contains("max_inflight_messages 0"), conf);
            assertTrue(conf.contains("max_queued_messages 100000"), conf);
            assertTrue(conf.contains("message_size_limit 65536"), conf);
            assertThrows(IllegalStateException.class, broker::tlsUrl);
        }
    }

    private static MqttClient connect(String url, String id) throws MqttException {
        MqttClient client = new MqttClient(url, id, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(5);
        client.connect(options);
        return client;
    }

    private static String firstMessage(String url, String topic) throws Exception {
        MqttClient client = connect(url, "sub");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
        String first = received.poll(5, TimeUnit.SECONDS);
        client.disconnect();
        client.close();
        assertNotNull(first, "no message on " + topic + " within 5 s");
        return first;
    }

    private static String firstMessageAfterPublishing(String url, String topic, String live) throws Exception {
        MqttClient client = connect(url, "sub");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
        MqttMessage message = new MqttMessage(live.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic, message);
        String first = received.poll(5, TimeUnit.SECONDS);
        client.disconnect();
        client.close();
        assertNotNull(first, "no message on " + topic + " within 5 s");
        return first;
    }
}
