package org.farebox.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @Test
    void sharedSubscribersSplitAThousandsStrongBurstWithNothingLostOrDoubled(@TempDir Path dir) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger doubles = new AtomicInteger();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        int messages = 3000;
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir)) {
            LinkOptions base = LinkOptions.defaults(broker.url(), "x").withWindows(64, 200);
            try (MqttLink a = new MqttLink(withId(base, "clearing-a"), new Random(1));
                    MqttLink b = new MqttLink(withId(base, "clearing-b"), new Random(2));
                    MqttLink terminal = new MqttLink(withId(base, "BUS-1"), new Random(3))) {
                a.subscribe(Topics.SHARED_TXN_FILTER, 1, (t, p, r) -> record(seen, doubles, first, p));
                b.subscribe(Topics.SHARED_TXN_FILTER, 1, (t, p, r) -> record(seen, doubles, second, p));
                a.start();
                b.start();
                terminal.start();
                assertTrue(a.awaitConnected(Duration.ofSeconds(10)));
                assertTrue(b.awaitConnected(Duration.ofSeconds(10)));
                assertTrue(terminal.awaitConnected(Duration.ofSeconds(10)));
                String topic = new Topics("demo").txn("BUS-1");
                List<CompletableFuture<Void>> acks = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    acks.add(terminal.publish(topic, ("m" + i).getBytes(), 1, false));
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (seen.size() < messages && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
        }
        assertEquals(messages, seen.size());
        assertEquals(0, doubles.get());
        assertTrue(first.get() > 0 && second.get() > 0, "both workers got a share: " + first + "/" + second);
    }

    private static LinkOptions withId(LinkOptions o, String id) {
        return new LinkOptions(o.serverUri(), id, o.socketFactory(), o.connectTimeout(), o.operationTimeout(),
                o.keepAlive(), o.backoffMin(), o.backoffMax(), o.stableAfter(), o.maxInFlight(), o.inboundWindow(),
                o.cleanStart(), o.sessionExpirySeconds(), o.will());
    }

    private static void record(Set<String> seen, AtomicInteger doubles, AtomicInteger mine, byte[] payload) {
        mine.incrementAndGet();
        if (!seen.add(new String(payload))) {
            doubles.incrementAndGet();
        }
    }
}
