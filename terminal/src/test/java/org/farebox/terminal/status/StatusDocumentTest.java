package org.farebox.terminal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.farebox.mqtt.LinkOptions;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.sync.Topics;
import org.farebox.terminal.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class StatusDocumentTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final Instant synced = Instant.parse("2026-03-01T07:59:00Z");

    private final StatusSource source = new StatusSource() {
        @Override
        public Backlog backlog() {
            return new Backlog(412, Duration.ofSeconds(95));
        }

        @Override
        public Optional<Instant> lastSyncAt() {
            return Optional.of(synced);
        }

        @Override
        public long delivered() {
            return 1234;
        }

        @Override
        public Health reader() {
            return Health.failed("no reader named ACR122");
        }

        @Override
        public Health sam() {
            return Health.ok("PSAM 0102030405060708");
        }
    };

    private final UpdatesView updates = new UpdatesView() {
        @Override
        public UpdateVersions versions() {
            return new UpdateVersions(7, Optional.of(8L), Optional.of(Instant.parse("2026-03-02T00:00:00Z")), 12, 3, 5);
        }

        @Override
        public List<RejectionNote> recentRejections() {
            return List.of(new RejectionNote(clock.instant(), "t", "faretable", "STALE", "older", 6));
        }

        @Override
        public long rejectedTotal() {
            return 4;
        }

        @Override
        public Optional<CommandAnswer> lastCommand() {
            return Optional.of(new CommandAnswer("ops-1", "flush", "ok", "412 rows queued", clock.instant()));
        }
    };

    @Test
    void statusCarriesEveryFieldOfTheFormat() {
        StatusReporter r = new StatusReporter(new Topics("metro"), "BUS-1", "farebox-terminal test", source, updates,
                clock, Duration.ofSeconds(60));
        Map<String, Object> s = Json.parseObject(Json.write(r.current()));
        assertEquals("farebox-status/1", s.get("format"));
        assertEquals("online", s.get("state"));
        assertEquals("2026-03-01T08:00:00Z", s.get("at"));
        assertEquals(Map.of("fare_table", 7L, "fare_table_staged", Map.of("version", 8L, "valid_from",
                "2026-03-02T00:00:00Z"), "deny_list", 12L, "keys", 3L, "commands", 5L), s.get("versions"));
        assertEquals(Map.of("rows", 412L, "oldest_unsent_age_s", 95L), s.get("backlog"));
        assertEquals(synced.toString(), s.get("last_sync_at"));
        assertEquals(1234L, s.get("delivered"));
        assertEquals(Map.of("ok", false, "detail", "no reader named ACR122"), s.get("reader"));
        assertEquals(Map.of("time", "2026-03-01T16:00:00+08:00", "zone", "Asia/Shanghai"), s.get("clock"));
        assertEquals(4L, s.get("rejected_total"));
        assertEquals("STALE", ((Map<?, ?>) ((List<?>) s.get("rejections")).get(0)).get("reason"));
        assertEquals("412 rows queued", ((Map<?, ?>) s.get("last_command")).get("detail"));
        assertTrue((Long) s.get("uptime_s") >= 0);
    }

    @Test
    void lastWillIsARetainedOfflineStatusOnTheTerminalsTopic() {
        StatusReporter r = new StatusReporter(new Topics("metro"), "BUS-1", "sw", StatusSource.none(), updates, clock,
                Duration.ofSeconds(60));
        LinkOptions.Will will = r.lastWill();
        assertEquals("farebox/v1/metro/terminal/BUS-1/status", will.topic());
        assertTrue(will.retained());
        assertEquals(1, will.qos());
        Map<String, Object> s = Json.parseObject(new String(will.payload(), StandardCharsets.UTF_8));
        assertEquals("offline", s.get("state"));
        assertEquals("BUS-1", s.get("terminal"));
        assertEquals("connection lost", s.get("reason"));
        assertNull(s.get("at"));
    }
}
