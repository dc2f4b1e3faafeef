package org.farebox.terminal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySetStoreTest {
    @TempDir
    Path dir;
    private final Operator operator = new Operator();
    private final UpdateGate gate = operator.gate("T1");

    private boolean offer(KeySetStore store, byte[] message) throws UpdateRejectedException {
        return store.offer(gate.check(UpdateKind.KEYS, message), message);
    }

    private byte[] keysJson(long version, String json) {
        return operator.sign(UpdateKind.KEYS, SignedUpdate.FLEET, version, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void newerKeySetIsInForceAndSurvivesARestart() throws Exception {
        KeySetStore store = new KeySetStore(gate, dir);
        assertEquals(0, store.version());
        assertTrue(offer(store, operator.keySet(2, "qr-a", "qr-b")));
        QrKey a = store.current().key("qr-a").orElseThrow();
        assertEquals("ed25519", a.algorithm());
        assertTrue(a.usableAt(Instant.parse("2026-06-01T00:00:00Z")));
        assertFalse(a.usableAt(Instant.parse("2027-01-01T00:00:00Z")), "not_after +08:00 is 2026-12-31T16:00Z");
        KeySetStore again = new KeySetStore(gate, dir);
        assertEquals(2, again.version());
        assertEquals(2, again.current().keys().size());
    }

    @Test
    void olderKeySetIsStaleAndTheSameMessageIsIgnored() throws Exception {
        KeySetStore store = new KeySetStore(gate, dir);
        byte[] v3 = operator.keySet(3, "qr-a");
        offer(store, v3);
        assertFalse(offer(store, v3));
        assertEquals(RejectReason.STALE,
                assertThrows(UpdateRejectedException.class, () -> offer(store, operator.keySet(2, "qr-old"))).reason());
        assertTrue(store.current().key("qr-a").isPresent());
    }

    @Test
    void keySetsWithBadFieldsAreRefusedNamingTheField() throws Exception {
        KeySetStore store = new KeySetStore(gate, dir);
        String good = "{\"id\":\"k\",\"algorithm\":\"ed25519\",\"public_key\":\"" + "00".repeat(32)
                + "\",\"not_before\":\"2026-01-01T00:00:00Z\",\"not_after\":\"2027-01-01T00:00:00Z\"}";
        String[][] cases = {
            {"{\"format\":\"farebox-keys/2\",\"version\":2,\"keys\":[]}", "format"},
            {"{\"format\":\"farebox-keys/1\",\"version\":9,\"keys\":[]}", "version"},
            {"{\"format\":\"farebox-keys/1\",\"version\":2,\"keys\":[" + good.replace("ed25519", "rsa") + "]}", "algorithm"},
            {"{\"format\":\"farebox-keys/1\",\"version\":2,\"keys\":[" + good.replace("00".repeat(32), "00".repeat(31)) + "]}", "public_key"},
            {"{\"format\":\"farebox-keys/1\",\"version\":2,\"keys\":[" + good.replace("2027", "2025") + "]}", "not_after"},
            {"{\"format\":\"farebox-keys/1\",\"version\":2,\"keys\":[" + good + "," + good + "]}", "twice"},
            {"[1,2", "JSON"},
        };
        for (String[] c : cases) {
            UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> offer(store, keysJson(2, c[0])),
                    c[1]);
            assertEquals(RejectReason.INVALID_PAYLOAD, e.reason(), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage() + " should name " + c[1]);
        }
        assertEquals(0, store.version());
    }
}
