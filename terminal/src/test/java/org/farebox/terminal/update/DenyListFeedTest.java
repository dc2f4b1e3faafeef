package org.farebox.terminal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.farebox.protocol.deny.DenyReason;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.deny.DenyListStore;
import org.farebox.terminal.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenyListFeedTest {
    static final String CARD_A = "31045101000000000001";
    static final String CARD_B = "31045101000000000002";

    @TempDir
    Path dir;
    private final Operator operator = new Operator();
    private final UpdateGate gate = operator.gate("T1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger snapshotRequests = new AtomicInteger();
    private DenyListStore store;
    private DenyListFeed feed;

    @BeforeEach
    void open() {
        store = DenyListStore.open(dir.resolve("deny"));
        feed = new DenyListFeed(new DenyListStoreTarget(store), snapshotRequests::incrementAndGet, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DenyListFeed.Outcome offer(byte[] message) throws UpdateRejectedException {
        return feed.offer(gate.check(UpdateKind.DENY_LIST, message));
    }

    @Test
    void snapshotThenConsecutiveDeltasAreApplied() throws Exception {
        offer(operator.denySnapshot(3, Map.of(CARD_A, DenyReason.LOST)));
        offer(operator.denyDelta(4, Map.of(CARD_B, DenyReason.STOLEN), List.of()));
        offer(operator.denyDelta(5, Map.of(), List.of(CARD_A)));
        assertEquals(5, feed.version());
        assertFalse(store.isDenied(CARD_A));
        assertEquals("STOLEN", store.reason(CARD_B).orElseThrow());
    }

    @Test
    void deltaThatSkipsAVersionIsAGapAndAsksForTheSnapshotOnce() throws Exception {
        offer(operator.denySnapshot(3, Map.of(CARD_A, DenyReason.LOST)));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class,
                () -> offer(operator.denyDelta(5, Map.of(CARD_B, DenyReason.STOLEN), List.of())));
        assertEquals(RejectReason.GAP, e.reason());
        assertEquals(3, feed.version());
        assertFalse(store.isDenied(CARD_B));
        assertThrows(UpdateRejectedException.class,
                () -> offer(operator.denyDelta(6, Map.of(CARD_B, DenyReason.STOLEN), List.of())));
        assertEquals(1, snapshotRequests.get(), "one request while the snapshot is on its way");
        offer(operator.denySnapshot(6, Map.of(CARD_A, DenyReason.LOST, CARD_B, DenyReason.STOLEN)));
        assertEquals(6, feed.version());
        assertTrue(store.isDenied(CARD_B));
        clock.advance(Duration.ofSeconds(1));
        assertThrows(UpdateRejectedException.class, () -> offer(operator.denyDelta(8, Map.of(), List.of(CARD_A))));
        assertEquals(2, snapshotRequests.get(), "a new gap after the snapshot asks again");
    }

    @Test
    void deltaContradictingTheListIsAGapToo() throws Exception {
        offer(operator.denySnapshot(1, Map.of(CARD_A, DenyReason.LOST)));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class,
                () -> offer(operator.denyDelta(2, Map.of(), List.of(CARD_B))));
        assertEquals(RejectReason.GAP, e.reason());
        assertEquals(1, snapshotRequests.get());
        assertEquals(1, feed.version());
    }

    @Test
    void sameVersionIsARedeliveryAndOlderIsStale() throws Exception {
        offer(operator.denySnapshot(1, Map.of()));
        offer(operator.denyDelta(2, Map.of(CARD_A, DenyReason.LOST), List.of()));
        assertEquals(DenyListFeed.Outcome.DUPLICATE, offer(operator.denySnapshot(2, Map.of(CARD_A, DenyReason.LOST))));
        assertEquals(DenyListFeed.Outcome.DUPLICATE,
                offer(operator.denyDelta(2, Map.of(CARD_A, DenyReason.LOST), List.of())));
        assertEquals(RejectReason.STALE, assertThrows(UpdateRejectedException.class,
                () -> offer(operator.denySnapshot(1, Map.of()))).reason());
        assertEquals(1, store.size());
    }

    @Test
    void snapshotOfTheSameVersionWithOtherEntriesRepairsTheList() throws Exception {
        offer(operator.denySnapshot(2, Map.of(CARD_A, DenyReason.LOST)));
        assertEquals(DenyListFeed.Outcome.APPLIED, offer(operator.denySnapshot(2, Map.of(CARD_B, DenyReason.LOST))));
        assertTrue(store.isDenied(CARD_B));
        assertFalse(store.isDenied(CARD_A));
    }

    @Test
    void undecodablePayloadsAndMissingAttributeAreInvalid() throws Exception {
        byte[] payload = Operator.deltaPayload(1, Map.of(CARD_A, DenyReason.LOST), List.of());
        byte[] truncated = operator.denyList("delta", 1, Arrays.copyOf(payload, payload.length - 3));
        assertEquals(RejectReason.INVALID_PAYLOAD, assertThrows(UpdateRejectedException.class, () -> offer(truncated))
                .reason());
        byte[] lying = operator.denyList("delta", 2, payload);
        offer(operator.denySnapshot(1, Map.of()));
        assertEquals(RejectReason.INVALID_PAYLOAD, assertThrows(UpdateRejectedException.class, () -> offer(lying))
                .reason());
        byte[] bare = operator.sign(UpdateKind.DENY_LIST, "fleet", 3, Map.of(), payload);
        assertEquals(RejectReason.INVALID_PAYLOAD, assertThrows(UpdateRejectedException.class, () -> offer(bare))
                .reason());
        assertEquals(1, feed.version());
        assertFalse(store.isDenied(CARD_A));
    }
}
