package org.farebox.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttLinkTest {
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.startPlain();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static LinkOptions fast(String clientId) {
        return LinkOptions.defaults(broker.url(), clientId)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSubscriberReceivesWhatAPublisherSendsAndTheFutureCompletesOnPuback() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (MqttLink sub = new MqttLink(fast("sub-1"), new Random(1));
                MqttLink pub = new MqttLink(fast("pub-1"), new Random(2))) {
            sub.subscribe("t/one/+", 1, (topic, payload, retained) -> got.add(topic + "=" + new String(payload,
                    StandardCharsets.UTF_8)));
            sub.start();
            pub.start();
            assertTrue(sub.awaitConnected(Duration.ofSeconds(5)));
            assertTrue(pub.awaitConnected(Duration.ofSeconds(5)));
            pub.publish("t/one/a", utf8("hello"), 1, false).get(5, TimeUnit.SECONDS);
            assertEquals("t/one/a=hello", got.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void publishingWhileTheBrokerIsDownFailsAtOnceInsteadOfQueueing() throws Exception {
        LinkOptions nowhere = LinkOptions.defaults("tcp://127.0.0.1:1", "lonely")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5));
        try (MqttLink link = new MqttLink(nowhere, new Random(3))) {
            link.start();
            CompletableFuture<Void> f = link.publish("t/x", utf8("x"), 1, false);
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> f.get(1, TimeUnit.SECONDS));
            assertInstanceOf(NotConnectedException.class, e.getCause());
            assertFalse(link.isConnected());
            Thread.sleep(300);
            assertFalse(link.lastError().isEmpty(), "the connect failure is reported");
        }
    }

    @Test
    void theLinkReconnectsAndResubscribesAfterTheBrokerRestarts() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        List<String> events = new CopyOnWriteArrayList<>();
        try (MqttLink sub = new MqttLink(fast("sub-restart").withSession(true, 0), new Random(4));
                MqttLink pub = new MqttLink(fast("pub-restart"), new Random(5))) {
            sub.subscribe("t/restart", 1, (topic, payload, retained) -> got.add(new String(payload,
                    StandardCharsets.UTF_8)));
            sub.addListener(new LinkListener() {
                @Override
                public void connected() {
                    events.add("up");
                }

                @Override
                public void disconnected(String reason) {
                    events.add("down");
                }
            });
            sub.start();
            pub.start();
            assertTrue(sub.awaitConnected(Duration.ofSeconds(5)));
            broker.restart();
            assertTrue(waitFor(() -> events.size() >= 3, Duration.ofSeconds(15)), "events: " + events);
            assertEquals(List.of("up", "down", "up"), events.subList(0, 3));
            assertTrue(pub.awaitConnected(Duration.ofSeconds(10)));
            assertTrue(sub.awaitConnected(Duration.ofSeconds(10)));
            pub.publish("t/restart", utf8("after"), 1, false).get(5, TimeUnit.SECONDS);
            assertEquals("after", got.poll(5, TimeUnit.SECONDS), "the subscription was made again");
        }
    }

    @Test
    void aHandlerThatThrowsDoesNotStopTheNextMessage() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (MqttLink sub = new MqttLink(fast("sub-throw"), new Random(6));
                MqttLink pub = new MqttLink(fast("pub-throw"), new Random(7))) {
            sub.subscribe("t/throw", 1, (topic, payload, retained) -> {
                String s = new String(payload, StandardCharsets.UTF_8);
                if (s.equals("bad")) {
                    throw new IllegalStateException("handler bug");
                }
                got.add(s);
            });
            sub.start();
            pub.start();
            assertTrue(sub.awaitConnected(Duration.ofSeconds(5)));
            assertTrue(pub.awaitConnected(Duration.ofSeconds(5)));
            pub.publish("t/throw", utf8("bad"), 1, false).get(5, TimeUnit.SECONDS);
            pub.publish("t/throw", utf8("good"), 1, false).get(5, TimeUnit.SECONDS);
            assertEquals("good", got.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theLastWillIsPublishedWhenTheConnectionDiesWithoutDisconnect() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        LinkOptions withWill = fast("will-owner").withKeepAlive(Duration.ofSeconds(5))
                .withWill(new LinkOptions.Will("t/will", utf8("offline"), 1, true));
        try (MqttLink watcher = new MqttLink(fast("will-watcher"), new Random(8))) {
            watcher.subscribe("t/will", 1, (topic, payload, retained) -> got.add(new String(payload,
                    StandardCharsets.UTF_8)));
            watcher.start();
            assertTrue(watcher.awaitConnected(Duration.ofSeconds(5)));
            MqttLink owner = new MqttLink(withWill, new Random(9));
            owner.start();
            assertTrue(owner.awaitConnected(Duration.ofSeconds(5)));
            owner.dropWithoutDisconnect();
            assertEquals("offline", got.poll(10, TimeUnit.SECONDS));
            owner.close();
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
