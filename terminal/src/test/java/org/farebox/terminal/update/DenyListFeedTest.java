package org.farebox.terminal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.deny.SqliteDenyList;
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
    private SqliteDenyList list;
    private DenyListFeed feed;

    @BeforeEach
    void open() {
        list = SqliteDenyList.open(dir.resolve("deny.db"));
        feed = new DenyListFeed(new RecordingDenyList(list), snapshotRequests::incrementAndGet, clock);
    }

    @AfterEach
    void close() {
        list.close();
    }

    private byte[] message(String form, long version, String... lines) {
        return operator.sign(UpdateKind.DENY_LIST, SignedUpdate.FLEET, version, Map.of("deny", form),
                RecordingDenyList.payload(version, lines));
    }

    private DenyListFeed.Outcome offer(byte[] message) throws UpdateRejectedException {
        return feed.offer(gate.check(UpdateKind.DENY_LIST, message));
    }

    @Test
    void snapshotThenConsecutiveDeltasAreApplied() throws Exception {
        offer(message("snapshot", 3, "+" + CARD_A + ",LOST"));
        offer(message("delta", 4, "+" + CARD_B + ",STOLEN"));
        offer(message("delta", 5, "-" + CARD_A));
        assertEquals(5, feed.version());
        assertEquals(false, list.isDenied(CARD_A));
        assertEquals("STOLEN", list.reason(CARD_B).orElseThrow());
    }

    @Test
    void deltaThatSkipsAVersionIsAGapAndAsksForTheSnapshotOnce() throws Exception {
        offer(message("snapshot", 3, "+" + CARD_A + ",LOST"));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class,
                () -> offer(message("delta", 5, "+" + CARD_B + ",STOLEN")));
        assertEquals(RejectReason.GAP, e.reason());
        assertEquals(3, feed.version());
        assertEquals(false, list.isDenied(CARD_B));
        assertThrows(UpdateRejectedException.class, () -> offer(message("delta", 6, "+" + CARD_B + ",STOLEN")));
        assertEquals(1, snapshotRequests.get(), "one request while the snapshot is on its way");
        offer(message("snapshot", 6, "+" + CARD_A + ",LOST", "+" + CARD_B + ",STOLEN"));
        assertEquals(6, feed.version());
        assertEquals(true, list.isDenied(CARD_B));
        clock.advance(Duration.ofSeconds(1));
        assertThrows(UpdateRejectedException.class, () -> offer(message("delta", 8)));
        assertEquals(2, snapshotRequests.get(), "a new gap after the snapshot asks again");
    }

    @Test
    void sameVersionIsARedeliveryAndOlderIsStale() throws Exception {
        offer(message("delta", 1, "+" + CARD_A + ",LOST"));
        assertEquals(DenyListFeed.Outcome.DUPLICATE, offer(message("snapshot", 1, "+" + CARD_A + ",LOST")));
        offer(message("delta", 2, "+" + CARD_B + ",LOST"));
        assertEquals(RejectReason.STALE, assertThrows(UpdateRejectedException.class,
                () -> offer(message("snapshot", 1))).reason());
        assertEquals(2, list.size());
    }

    @Test
    void messageWithoutTheDenyAttributeIsRefused() throws Exception {
        byte[] bare = operator.sign(UpdateKind.DENY_LIST, SignedUpdate.FLEET, 1, Map.of(), RecordingDenyList.payload(1));
        assertEquals(RejectReason.INVALID_PAYLOAD, assertThrows(UpdateRejectedException.class, () -> offer(bare)).reason());
        assertEquals(0, feed.version());
    }
}
