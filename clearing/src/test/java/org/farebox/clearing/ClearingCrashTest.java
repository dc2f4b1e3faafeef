package org.farebox.clearing;

import org.farebox.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clearing host as its own process (farebox-clearing run) killed between storing and acking, and
 * at a random moment: after a restart every row is stored exactly once and every batch is acked.
 */
class ClearingCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private FakeTerminal terminal;
    private String jdbcUrl;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startPlain();
        jdbcUrl = "jdbc:sqlite:" + dir.resolve("clearing.db");
        terminal = new FakeTerminal(broker.url(), new TerminalChain("OP1", "T1", 7,
                Instant.parse("2025-03-01T00:00:00Z")));
    }

    @AfterEach
    void stop() {
        terminal.close();
        broker.close();
    }

    private ChildJvm clearing(int haltAfterStore) throws Exception {
        Path config = dir.resolve("clearing-" + haltAfterStore + ".conf");
        Files.writeString(config, String.join("\n", "mqtt.broker = " + broker.url(), "mqtt.client_id = clearing-crash",
                "store.jdbc_url = " + jdbcUrl, "debug.halt_after_store = " + haltAfterStore, ""));
        ChildJvm child = ChildJvm.start(ClearingCli.class.getName(), List.of("run", "--config", config.toString()));
        assertNotNull(child.awaitLine(l -> l.contains("MQTT connected"), WAIT), () -> "clearing did not connect:\n"
                + child.transcript());
        return child;
    }

    @Test
    void haltBetweenStoreAndAckThenRestartStoresOnceAndAcksTheResendAsDuplicates() throws Exception {
        List<TxnBatch> batches = terminal.batches(200, 20);
        try (ChildJvm first = clearing(3)) {
            for (TxnBatch b : batches) {
                terminal.send(b);
            }
            assertEquals(137, first.awaitExitCode(WAIT), () -> "halted after the third commit:\n" + first.transcript());
            assertTrue(first.transcript().contains("halting after batch 3 before its ack"), first.transcript());
        }
        try (JdbcClearingStore store = JdbcClearingStore.open(jdbcUrl, "", "", Clock.systemUTC())) {
            assertEquals(60, store.rowCount(), "three batches committed before the halt");
        }
        assertTrue(terminal.acks().stream().allMatch(a -> a.lastSeq() <= 40), "batch 3 was never acked: "
                + terminal.acks());

        try (ChildJvm second = clearing(0)) {
            terminal.awaitAllAcked(batches, ACK_TIMEOUT, WAIT);
            try (JdbcClearingStore store = JdbcClearingStore.open(jdbcUrl, "", "", Clock.systemUTC())) {
                assertEquals(200, store.rowCount());
                assertTrue(store.duplicatesDropped() >= 20, "batch 3 came again: " + store.duplicatesDropped());
                assertEquals(List.of(), store.findings(true));
            }
        }
        List<TxnAck> third = terminal.acks().stream().filter(a -> a.firstSeq() == 41).toList();
        assertTrue(!third.isEmpty() && third.stream().allMatch(a -> a.stored() == 0 && a.duplicates() == 20),
                "batch 3 acked as already stored: " + third);
    }

    @Test
    void killNineAtARandomMomentLosesAndDoublesNothing() throws Exception {
        Random random = new Random(20250301);
        List<TxnBatch> batches = terminal.batches(1000, 20);
        long killAfterMillis = 200 + random.nextInt(800);
        try (ChildJvm first = clearing(0)) {
            Thread sender = new Thread(() -> {
                try {
                    for (TxnBatch b : batches) {
                        terminal.send(b);
                        Thread.sleep(20); // a fleet trickling in: about one second for the 50 batches
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            Thread.sleep(killAfterMillis);
            first.sigkill();
            assertEquals(137, first.awaitExitCode(WAIT));
            sender.join(WAIT.toMillis());
        }
        try (JdbcClearingStore store = JdbcClearingStore.open(jdbcUrl, "", "", Clock.systemUTC())) {
            System.out.printf("kill -9 after %d ms: %d of 1000 rows stored, %d acks received%n", killAfterMillis,
                    store.rowCount(), terminal.acks().size());
        }
        try (ChildJvm second = clearing(0)) {
            terminal.awaitAllAcked(batches, ACK_TIMEOUT, Duration.ofSeconds(60));
        }
        try (JdbcClearingStore store = JdbcClearingStore.open(jdbcUrl, "", "", Clock.systemUTC())) {
            assertEquals(1000, store.rowCount());
            assertEquals(List.of(), store.findings(true));
            Report report = store.report(ReportQuery.all(ZoneId.of("Asia/Shanghai")));
            assertEquals(1000, report.total().taps());
            assertEquals(TerminalChain.revenue(terminal.chain().rows()), report.total().revenueFen());
        }
    }
}
