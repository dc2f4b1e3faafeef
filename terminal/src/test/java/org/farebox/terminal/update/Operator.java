package org.farebox.terminal.update;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.signed.Ed25519Keys;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateSigner;
import org.farebox.terminal.config.SyncConfig;

/** The operator side of the tests: a signing key, signed messages, and a terminal config trusting the key. */
final class Operator {
    static final String ID = "metro";

    final KeyPair keys = Ed25519Keys.generate();
    final UpdateSigner signer = new UpdateSigner(keys.getPrivate());

    SyncConfig config(String broker) {
        return config(broker, Duration.ofSeconds(60));
    }

    SyncConfig config(String broker, Duration statusInterval) {
        return new SyncConfig(broker, ID, null, null, null, 500, Duration.ofSeconds(2), 8, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(1), Duration.ofSeconds(30), statusInterval, List.of(keys.getPublic()), 1 << 20,
                32 << 20, 256 << 10, 64 << 10);
    }

    UpdateGate gate(String terminalId) {
        return UpdateGate.of(config(""), terminalId);
    }

    /** adult fare {@code fen} on every route, students half. */
    static FlatFareTable table(long version, long fen) {
        return new FlatFareTable(version, "CNY", fen, Map.of("101", fen), Map.of("adult", 100, "student", 50,
                "senior", 0), Map.of(1, "adult", 2, "student", 3, "senior"), "adult");
    }

    byte[] fareTable(long version, long fen) {
        return sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, version, Map.of(),
                table(version, fen).toJson().getBytes(StandardCharsets.UTF_8));
    }

    byte[] fareTable(long version, long fen, Instant validFrom) {
        return sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, version, Map.of("valid_from", validFrom.toString()),
                table(version, fen).toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** A signed deny-list snapshot: {@code cards} maps serial to reason. */
    byte[] denySnapshot(long version, Map<String, DenyReason> cards) {
        DenyListSnapshot.Builder b = DenyListSnapshot.builder(version, Instant.parse("2025-06-01T00:00:00Z"));
        cards.forEach(b::card);
        return denyList("snapshot", version, b.build().encode());
    }

    /** A signed deny-list delta from {@code version - 1}. */
    byte[] denyDelta(long version, Map<String, DenyReason> added, List<String> removed) {
        return denyList("delta", version, deltaPayload(version, added, removed));
    }

    static byte[] deltaPayload(long version, Map<String, DenyReason> added, List<String> removed) {
        DenyListDelta.Builder b = DenyListDelta.builder(version, Instant.parse("2025-06-01T00:00:00Z"));
        added.forEach(b::addCard);
        removed.forEach(b::removeCard);
        return b.build().encode();
    }

    byte[] denyList(String form, long version, byte[] payload) {
        return sign(UpdateKind.DENY_LIST, SignedUpdate.FLEET, version, Map.of("deny", form), payload);
    }

    byte[] command(String terminalId, long version, String command, String id) {
        return sign(UpdateKind.COMMAND, terminalId, version, Map.of(),
                ("{\"command\":\"" + command + "\",\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    byte[] keySet(long version, String... ids) {
        StringBuilder sb = new StringBuilder("{\"format\":\"farebox-keys/1\",\"version\":" + version + ",\"keys\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"algorithm\":\"ed25519\",")
                    .append("\"public_key\":\"").append("ab".repeat(32)).append("\",")
                    .append("\"not_before\":\"2026-01-01T00:00:00Z\",\"not_after\":\"2027-01-01T00:00:00+08:00\"}");
        }
        sb.append("]}");
        return sign(UpdateKind.KEYS, SignedUpdate.FLEET, version, Map.of(), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    byte[] sign(UpdateKind kind, String target, long version, Map<String, String> attributes, byte[] payload) {
        return signer.sign(kind, ID, target, version, Instant.parse("2025-06-01T00:00:00Z"), attributes, payload);
    }

    /** Another operator key: what a forger has. */
    static Operator forger() {
        return new Operator();
    }
}
