package org.farebox.provisioning.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;
import org.farebox.protocol.sync.Topics;

/** Collects terminals' retained status documents (terminal id -> latest document). */
final class StatusWatch {
    private final Map<String, Map<String, Object>> latest = new TreeMap<>();
    private final Map<String, String> raw = new TreeMap<>();

    void listen(MqttLink link, String filter) {
        link.subscribe(filter, 1, (topic, payload, retained) -> {
            String text = new String(payload, StandardCharsets.UTF_8);
            Map<String, Object> doc;
            try {
                doc = Json.parseObject(text);
            } catch (JsonException e) {
                doc = Map.of("state", "unreadable status: " + e.getMessage());
            }
            String terminal = Topics.parseTerminalTopic(topic).map(Topics.TerminalTopic::terminalId).orElse(topic);
            synchronized (this) {
                latest.put(terminal, doc);
                raw.put(terminal, text);
                notifyAll();
            }
        });
    }

    /** Waits until {@code done} holds for the documents or the time is up; true if it held. */
    synchronized boolean await(Predicate<Map<String, Map<String, Object>>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(latest)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized Map<String, Map<String, Object>> latest() {
        return new TreeMap<>(latest);
    }

    synchronized Map<String, String> raw() {
        return new TreeMap<>(raw);
    }

    /** One line a person can read: state, versions, backlog, refusals. */
    static String summary(String terminal, Map<String, Object> s) {
        StringBuilder sb = new StringBuilder(terminal).append(' ').append(s.get("state"));
        if (s.get("versions") instanceof Map<?, ?> v) {
            sb.append(" fare_table=").append(v.get("fare_table"));
            if (v.get("fare_table_staged") instanceof Map<?, ?> st) {
                sb.append(" (v").append(st.get("version")).append(" from ").append(st.get("valid_from")).append(')');
            }
            sb.append(" deny_list=").append(v.get("deny_list")).append(" keys=").append(v.get("keys"))
                    .append(" commands=").append(v.get("commands"));
        }
        if (s.get("backlog") instanceof Map<?, ?> b) {
            sb.append(" backlog=").append(b.get("rows"));
            if (b.get("oldest_unsent_age_s") != null) {
                sb.append(" (oldest ").append(b.get("oldest_unsent_age_s")).append(" s)");
            }
        }
        if (s.get("rejected_total") != null) {
            sb.append(" rejected=").append(s.get("rejected_total"));
        }
        if (s.get("reason") != null) {
            sb.append(" (").append(s.get("reason")).append(')');
        }
        if (s.get("at") != null) {
            sb.append(" at ").append(s.get("at"));
        }
        return sb.toString();
    }
}
