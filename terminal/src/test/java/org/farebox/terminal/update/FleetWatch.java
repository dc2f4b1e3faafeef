package org.farebox.terminal.update;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.sync.Topics;

/** The operator's side of a test: publishes to the fleet and watches every terminal's retained status. */
final class FleetWatch implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final Topics topics = new Topics(Operator.ID);
    private final MqttLink link;
    private final Map<String, Map<String, Object>> latest = new ConcurrentHashMap<>();

    FleetWatch(String brokerUrl) throws InterruptedException {
        link = new MqttLink(LinkOptions.defaults(brokerUrl, "operator-watch").withSession(true, 0)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)), new Random(7));
        link.subscribe(topics.allStatus(), 1, (topic, payload, retained) -> {
            String terminal = Topics.parseTerminalTopic(topic).orElseThrow().terminalId();
            synchronized (latest) {
                latest.put(terminal, Json.parseObject(new String(payload, StandardCharsets.UTF_8)));
                latest.notifyAll();
            }
        });
        link.start();
        if (!link.awaitConnected(WAIT)) {
            throw new AssertionError("the operator client did not connect: " + link.lastError());
        }
    }

    void publish(String topic, byte[] message, boolean retained) throws Exception {
        link.publish(topic, message, 1, retained).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits for a status of {@code terminal} that satisfies {@code condition}; fails with the last one seen. */
    Map<String, Object> awaitStatus(String terminal, String what, Predicate<Map<String, Object>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (latest) {
            while (true) {
                Map<String, Object> s = latest.get(terminal);
                if (s != null && condition.test(s)) {
                    return s;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no status of " + terminal + " with " + what + "; last: " + s);
                }
                TimeUnit.NANOSECONDS.timedWait(latest, left);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static long version(Map<String, Object> status, String name) {
        Map<String, Object> v = (Map<String, Object>) status.get("versions");
        return v == null ? -1 : (Long) v.get(name);
    }

    @SuppressWarnings("unchecked")
    static boolean hasRejection(Map<String, Object> status, String topic, String reason) {
        Object list = status.get("rejections");
        if (!(list instanceof java.util.List<?> l)) {
            return false;
        }
        return l.stream().map(o -> (Map<String, Object>) o)
                .anyMatch(r -> r.get("topic").equals(topic) && r.get("reason").equals(reason));
    }

    @Override
    public void close() {
        link.close();
    }
}
