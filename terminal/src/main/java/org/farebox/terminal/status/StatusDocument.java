package org.farebox.terminal.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.json.Json;

/** The {@code farebox-status/1} JSON document (fields in docs/operator-updates.md). */
public final class StatusDocument {
    public static final String FORMAT = "farebox-status/1";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private StatusDocument() {
    }

    /** The full status of a running terminal. */
    static Map<String, Object> online(String terminal, String operator, String software, StatusSource source,
            UpdatesView updates, Clock clock, Duration uptime) {
        Map<String, Object> d = header(terminal, operator, software, ONLINE);
        d.put("at", clock.instant().toString());
        UpdateVersions v = updates.versions();
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("fare_table", v.fareTable());
        if (v.fareTableStaged().isPresent()) {
            Map<String, Object> staged = new LinkedHashMap<>();
            staged.put("version", v.fareTableStaged().get());
            staged.put("valid_from", v.stagedValidFrom().map(Instant::toString).orElse(null));
            versions.put("fare_table_staged", staged);
        } else {
            versions.put("fare_table_staged", null);
        }
        versions.put("deny_list", v.denyList());
        versions.put("keys", v.keys());
        versions.put("commands", v.commands());
        d.put("versions", versions);
        StatusSource.Backlog b = source.backlog();
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("rows", b.rows());
        backlog.put("oldest_unsent_age_s", b.oldestUnsentAge() == null ? null : b.oldestUnsentAge().toSeconds());
        d.put("backlog", backlog);
        d.put("last_sync_at", source.lastSyncAt().map(Instant::toString).orElse(null));
        d.put("delivered", source.delivered());
        d.put("reader", health(source.reader()));
        d.put("sam", health(source.sam()));
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("time", ZonedDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        time.put("zone", clock.getZone().getId());
        d.put("clock", time);
        d.put("uptime_s", uptime.toSeconds());
        d.put("rejected_total", updates.rejectedTotal());
        List<Object> rejections = new ArrayList<>();
        for (RejectionNote r : updates.recentRejections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", r.at().toString());
            m.put("topic", r.topic());
            m.put("kind", r.kind());
            m.put("reason", r.reason());
            m.put("detail", r.detail());
            m.put("version", r.version());
            rejections.add(m);
        }
        d.put("rejections", rejections);
        d.put("last_command", updates.lastCommand().map(StatusDocument::command).orElse(null));
        return d;
    }

    /** The offline document: the last will (reason "connection lost"), or what a clean stop publishes. */
    static Map<String, Object> offline(String terminal, String operator, String software, String reason, Instant at) {
        Map<String, Object> d = header(terminal, operator, software, OFFLINE);
        d.put("reason", reason);
        d.put("at", at == null ? null : at.toString());
        return d;
    }

    static byte[] bytes(Map<String, Object> document) {
        return Json.write(document).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> header(String terminal, String operator, String software, String state) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", FORMAT);
        d.put("terminal", terminal);
        d.put("operator", operator);
        d.put("state", state);
        d.put("software", software);
        return d;
    }

    private static Map<String, Object> health(StatusSource.Health h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", h.ok());
        m.put("detail", h.detail());
        return m;
    }

    private static Map<String, Object> command(CommandAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("command", a.command());
        m.put("result", a.result());
        m.put("detail", a.detail());
        m.put("at", a.at().toString());
        return m;
    }
}
