package org.farebox.terminal.sync;

import org.farebox.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.terminal.ledger.LedgerBulk;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weeks offline on a busy bus: a backlog of 1,000,000 rows drains through a real broker in a terminal
 * JVM limited to a 64 MB heap (the backlog is about 530 MB on the wire), with the default batching.
 */
@Timeout(240)
class MillionRowBacklogTest {
    private static final String TERMINAL = "BIG-1";
    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionRowBacklogDrainsInA64MegabyteHeap() throws Exception {
        Path ledgerFile = dir.resolve("ledger.db");
        long t0 = System.nanoTime();
        Instant weeksAgo = Instant.now().minus(Duration.ofDays(21));
        LedgerBulk.create(ledgerFile, TERMINAL, ROWS, n -> LedgerBulk.paid(n, weeksAgo.plusMillis(n * 1000)));
        long built = System.nanoTime();
        try (MosquittoBroker broker = MosquittoBroker.startPlain(); Responder clearing = new Responder(broker.url())) {
            String drained;
            String transcript;
            try (ChildJvm child = ChildJvm.start(List.of("-Xmx64m", "-XX:+UseSerialGC"),
                    UploaderChild.class.getName(), List.of("drain", broker.url(), ledgerFile.toString(), TERMINAL,
                            "500", "2000", "8", "30000"))) {
                drained = child.awaitLine(l -> l.startsWith("DRAINED") || l.contains("OutOfMemoryError"),
                        Duration.ofSeconds(200));
                transcript = child.transcript();
                assertNotNull(drained, "the backlog did not drain in time: " + clearing + "\n" + transcript);
            }
            assertTrue(drained.startsWith("DRAINED " + ROWS + " "), drained + "\n" + transcript);
            long end = System.nanoTime();
            synchronized (clearing) {
                assertEquals(ROWS, clearing.nextExpected - 1, "clearing saw every row in order: " + clearing);
            }
            try (SqliteLedger ledger = SqliteLedger.open(ledgerFile, TERMINAL, LedgerOptions.defaults())) {
                assertEquals(ROWS, ledger.clearedThrough());
                assertEquals(0, ledger.backlog().rows());
            }
            System.out.printf("1,000,000-row backlog: built in %.1f s, drained in %.1f s (%.0f rows/s) with -Xmx64m; "
                    + "child says: %s; clearing: %s%n", (built - t0) / 1e9, (end - built) / 1e9,
                    ROWS / ((end - built) / 1e9), drained, clearing);
        }
    }

    /** Decodes each batch, checks it continues the rows seen so far (or repeats them), acks it. */
    static final class Responder implements AutoCloseable {
        private final MqttLink link;
        private final Topics topics = new Topics(TestRows.OPERATOR);
        long nextExpected = 1;
        long duplicateRows;
        long gaps;

        Responder(String url) throws InterruptedException {
            link = new MqttLink(LinkOptions.defaults(url, "big-clearing").withWindows(64, 1000).withSession(true, 0),
                    new Random(3));
            link.subscribe(Topics.SHARED_TXN_FILTER, 1, this::onBatch);
            link.start();
            if (!link.awaitConnected(Duration.ofSeconds(10))) {
                throw new IllegalStateException("responder cannot connect: " + link.lastError());
            }
        }

        private void onBatch(String topic, byte[] payload, boolean retained) throws Exception {
            TxnBatch b = TxnBatch.decode(payload);
            synchronized (this) {
                if (b.firstSeq() > nextExpected) {
                    gaps++;
                    return; // not stored, not acked: the terminal must send the gap first
                }
                duplicateRows += Math.max(0, Math.min(b.lastSeq(), nextExpected - 1) - b.firstSeq() + 1);
                nextExpected = Math.max(nextExpected, b.lastSeq() + 1);
            }
            link.publish(topics.ack(b.terminalId()), new TxnAck(b.terminalId(), b.firstSeq(), b.lastSeq(),
                    TxnAck.Result.STORED, b.rows().size(), 0, "").encode(), 1, false);
        }

        @Override
        public synchronized String toString() {
            return "stored through " + (nextExpected - 1) + ", " + duplicateRows + " duplicate rows, " + gaps
                    + " batches after a gap";
        }

        @Override
        public void close() {
            link.close();
        }
    }
}
