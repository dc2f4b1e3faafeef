package org.farebox.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;

class MqttLinkResubscribeTest {
    private static MqttLink link(MosquittoBroker broker, String id) {
        return new MqttLink(LinkOptions.defaults(broker.url(), id).withSession(true, 0), new Random(1));
    }

    @Test
    void resubscribeMakesTheBrokerSendTheRetainedMessageAgain() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start();
                MqttLink publisher = link(broker, "pub");
                MqttLink subscriber = link(broker, "sub")) {
            publisher.start();
            assertTrue(publisher.awaitConnected(Duration.ofSeconds(10)));
            byte[] snapshot = "snapshot v3".getBytes(StandardCharsets.UTF_8);
            publisher.publish("fleet/denylist", snapshot, 1, true).get(10, TimeUnit.SECONDS);

            BlockingQueue<byte[]> seen = new LinkedBlockingQueue<>();
            subscriber.subscribe("fleet/denylist", 1, (t, p, r) -> seen.add(p));
            assertThrows(IllegalArgumentException.class, () -> subscriber.resubscribe("fleet/other"));
            subscriber.start();
            assertTrue(subscriber.awaitConnected(Duration.ofSeconds(10)));
            assertArrayEquals(snapshot, seen.poll(10, TimeUnit.SECONDS));
            assertNull(seen.poll(300, TimeUnit.MILLISECONDS), "retained messages come once per subscribe");

            subscriber.resubscribe("fleet/denylist");
            byte[] again = seen.poll(10, TimeUnit.SECONDS);
            assertNotNull(again, "the retained message after re-subscribing");
            assertArrayEquals(snapshot, again);
            assertEquals(0, seen.size());
        }
    }
}
