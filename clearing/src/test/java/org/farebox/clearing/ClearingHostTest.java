package org.farebox.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.clearing.store.Finding;
import org.farebox.clearing.store.FindingKind;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.mqtt.LinkOptions;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;
import org.farebox.testing.MosquittoBroker;
import org.farebox.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The clearing host against a real Mosquitto, in-process, with fake terminals publishing. */
class ClearingHostTest {
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    // A broker per test: clearing sessions are persistent, and an earlier test's offline session would
    // still hold a share of the shared subscription.
    private MosquittoBroker broker;
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = MosquittoBroker.startPlain();
    }

    @AfterEach
    void stopAll() throws Exception {
        // MQTT clients first and all at once (each takes up to half a second to let its dispatcher go),
        // then stores and databases.
        List<AutoCloseable> links = closeLast.stream()
                .filter(c -> c instanceof ClearingHost || c instanceof FakeTerminal).collect(Collectors.toList());
        links.parallelStream().forEach(c -> {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = closeLast.size() - 1; i >= 0; i--) {
            if (!links.contains(closeLast.get(i))) {
                closeLast.get(i).close();
            }
        }
        broker.close();
    }

    private ClearingStore sqlite() {
        return keep(JdbcClearingStore.open("jdbc:sqlite:" + dir.resolve("clearing.db"), "", "", Clock.systemUTC()));
    }

    private ClearingHost host(String clientId, ClearingStore store) throws InterruptedException {
        ClearingHost host = keep(new ClearingHost(LinkOptions.defaults(broker.url(), clientId)
                .withSession(false, ClearingHost.SESSION_EXPIRY_SECONDS), store, 0));
        host.start();
        assertTrue(host.awaitConnected(WAIT), "clearing host connected");
        return host;
    }

    private FakeTerminal terminal(String id, long seed) throws InterruptedException {
        return keep(new FakeTerminal(broker.url(), new TerminalChain("OP1", id, seed, START)));
    }

    private <T extends AutoCloseable> T keep(T resource) {
        closeLast.add(resource);
        return resource;
    }

    @Test
    void batchSentTwiceIsAckedTwiceAndStoredOnce() throws Exception {
        ClearingStore store = sqlite();
        host("clearing-a", store);
        FakeTerminal t1 = terminal("T1", 1);

        TxnBatch batch = t1.chain().batch(1, 40);
        t1.send(batch);
        TxnAck first = t1.awaitAck(a -> a.firstSeq() == 1, WAIT);
        t1.send(batch);
        TxnAck second = t1.awaitAck(a -> a.firstSeq() == 1, WAIT);

        assertEquals(TxnAck.Result.STORED, first.result());
        assertEquals(40, first.stored());
        assertEquals(0, first.duplicates());
        assertEquals(40, first.lastSeq());
        assertEquals(0, second.stored());
        assertEquals(40, second.duplicates());
        assertEquals(40, store.rowCount());
    }

    @Test
    void garbageTruncatedAndHugeMessagesAreQuarantinedAndTheHostGoesOn() throws Exception {
        ClearingStore store = sqlite();
        ClearingHost host = host("clearing-a", store);
        FakeTerminal t1 = terminal("T1", 1);
        String topic = new Topics("OP1").txn("T1");

        byte[] encoded = t1.chain().batch(1, 10).encode();
        t1.publishRaw(topic, "\u0000\u00ff not json at all".getBytes(StandardCharsets.ISO_8859_1));
        t1.publishRaw(topic, Arrays.copyOf(encoded, encoded.length / 2));
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) '{');
        t1.publishRaw(topic, huge);
        // Readable enough to name its range, but a row lacks a field: acked as quarantined.
        String broken = new String(t1.chain().batch(11, 12).encode(), StandardCharsets.UTF_8)
                .replaceFirst("\"tac\":\"[0-9A-F]*\",", "");
        t1.publishRaw(topic, broken.getBytes(StandardCharsets.UTF_8));
        t1.publishRaw("farebox/v1/OP1/terminal/T1/txn", t1.chain().batch(1, 10).encode());

        TxnAck quarantined = t1.awaitAck(a -> a.firstSeq() == 11, WAIT);
        TxnAck good = t1.awaitAck(a -> a.firstSeq() == 1, WAIT);
        assertEquals(TxnAck.Result.QUARANTINED, quarantined.result());
        assertEquals(12, quarantined.lastSeq());
        assertEquals(TxnAck.Result.STORED, good.result());
        assertEquals(10, good.stored());
        assertEquals(List.of(1L, 11L), t1.acks().stream().map(TxnAck::firstSeq).sorted().collect(Collectors.toList()),
                "the unreadable messages without a range are not acked");
        assertEquals(4, store.quarantined().size());
        assertEquals(huge.length, store.quarantined().get(2).length());
        assertEquals(4, store.findings(true).stream().filter(f -> f.kind() == FindingKind.QUARANTINED).count());
        assertTrue(host.isConnected());
        assertEquals(0, host.stats().failures());
    }

    @Test
    void batchOnAnotherTerminalsTopicIsRefusedNotStoredNotAcked() throws Exception {
        ClearingStore store = sqlite();
        host("clearing-a", store);
        FakeTerminal t2 = terminal("T2", 2);
        TerminalChain t1Chain = new TerminalChain("OP1", "T1", 1, START);

        t2.publishRaw(new Topics("OP1").txn("T2"), t1Chain.batch(1, 5).encode()); // T2 filing rows for T1
        t2.send(t2.chain().batch(1, 5));
        t2.awaitAck(a -> a.firstSeq() == 1, WAIT); // one dispatcher: the forged batch was handled before

        assertEquals(1, t2.acks().size(), "only T2's own batch is acked: " + t2.acks());
        assertEquals(5, store.rowCount());
        List<Finding> refused = store.findings(true).stream().filter(f -> f.kind() == FindingKind.MISMATCHED_TOPIC)
                .collect(Collectors.toList());
        assertEquals(1, refused.size());
        assertEquals("T2", refused.get(0).terminalId());
        assertEquals(0, store.report(ReportQuery.all(ZoneId.of("UTC"))).terminal("T1").taps());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoHostsShareTheLoadAndCountEveryRowOnce(String kind) throws Exception {
        ClearingStore storeA;
        ClearingStore storeB;
        if (kind.equals("sqlite")) {
            storeA = sqlite();
            storeB = sqlite();
        } else {
            PostgresDatabase db = keep(PostgresDatabase.create());
            storeA = keep(JdbcClearingStore.open(db.jdbcUrl(), "", "", Clock.systemUTC()));
            storeB = keep(JdbcClearingStore.open(db.jdbcUrl(), "", "", Clock.systemUTC()));
        }
        ClearingHost a = host("clearing-a", storeA);
        ClearingHost b = host("clearing-b", storeB);
        List<FakeTerminal> terminals = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            terminals.add(terminal("T" + i, i));
        }
        long started = System.nanoTime();
        for (FakeTerminal t : terminals) {
            t.deliver(500, 25, Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("clearing %s: 2,000 rows in 80 batches through two hosts in %.2f s (%.0f rows/s)%n", kind,
                seconds, 2000 / seconds);

        assertEquals(2000, storeA.rowCount());
        assertTrue(a.stats().batchesStored() > 0 && b.stats().batchesStored() > 0,
                "both hosts did work: " + a.stats() + " / " + b.stats());
        assertEquals(80, a.stats().batchesStored() + b.stats().batchesStored());
        assertEquals(2000, a.stats().rowsStored() + b.stats().rowsStored());
        assertEquals(List.of(), storeA.findings(true));
        Report report = storeB.report(ReportQuery.all(ZoneId.of("Asia/Shanghai")));
        List<TxnRow> all = new ArrayList<>();
        for (FakeTerminal t : terminals) {
            all.addAll(t.chain().rows());
            assertEquals(500, report.terminal(t.chain().terminalId()).taps());
            assertEquals(TerminalChain.revenue(t.chain().rows()), report.terminal(t.chain().terminalId()).revenueFen());
        }
        assertEquals(2000, report.total().taps());
        assertEquals(TerminalChain.revenue(all), report.total().revenueFen());
        assertEquals(all.stream().filter(r -> r.outcome().equals("PAID")).count(), report.total().outcome("PAID"));
    }
}
