package org.farebox.clearing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.clearing.store.FindingKind;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-message decisions of the clearing host, without MQTT. */
class BatchIntakeTest {
    @TempDir
    Path dir;
    private ClearingStore store;
    private BatchIntake intake;
    private final TerminalChain t1 = new TerminalChain("OP1", "T1", 1, Instant.parse("2025-03-01T00:00:00Z"));
    private final String topic = new Topics("OP1").txn("T1");

    @BeforeEach
    void open() {
        store = JdbcClearingStore.open("jdbc:sqlite:" + dir.resolve("c.db"), "", "", Clock.systemUTC());
        intake = new BatchIntake(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void goodBatchIsStoredAndAckedOnTheTerminalsAckTopic() {
        BatchIntake.Outcome o = intake.handle(topic, t1.batch(1, 3).encode());

        assertTrue(o.stored());
        assertEquals("farebox/v1/OP1/terminal/T1/ack", o.ack().orElseThrow().topic());
        assertEquals(new TxnAck("T1", 1, 3, TxnAck.Result.STORED, 3, 0, ""), o.ack().get().ack());
    }

    @Test
    void ackNamesTheFindingsOfTheBatch() {
        TxnAck ack = intake.handle(topic, t1.batch(5, 6).encode()).ack().orElseThrow().ack();

        assertEquals("GAP 1-4", ack.detail());
    }

    @Test
    void messageOnATopicThatIsNoTerminalsTxnIsQuarantinedWithoutAck() {
        BatchIntake.Outcome o = intake.handle("farebox/v1/OP1/terminal/T1/status", t1.batch(1, 3).encode());

        assertEquals(Optional.empty(), o.ack());
        assertEquals(0, store.rowCount());
        assertEquals(FindingKind.QUARANTINED, store.findings(true).get(0).kind());
    }

    @Test
    void brokenBatchNamingItsRangeIsAckedAsQuarantined() {
        byte[] payload = "{\"first_seq\":7,\"last_seq\":9,\"rows\":\"no\"}".getBytes(StandardCharsets.UTF_8);
        BatchIntake.Outcome o = intake.handle(topic, payload);

        TxnAck ack = o.ack().orElseThrow().ack();
        assertEquals(TxnAck.Result.QUARANTINED, ack.result());
        assertEquals(7, ack.firstSeq());
        assertEquals(9, ack.lastSeq());
        assertTrue(ack.detail().startsWith("quarantined: "), ack.detail());
        assertArrayEquals(payload, store.quarantined().get(0).payload());
        assertEquals(7, store.findings(true).get(0).firstSeq());
    }

    @Test
    void sniffedRangeMustBeAPlausibleBatch() {
        assertEquals(Optional.empty(), BatchIntake.sniffRange("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), BatchIntake.sniffRange("{\"first_seq\":5,\"last_seq\":4}".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), BatchIntake.sniffRange("{\"first_seq\":0,\"last_seq\":4}".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), BatchIntake.sniffRange("{\"first_seq\":1,\"last_seq\":1000000}".getBytes(
                StandardCharsets.UTF_8)));
        assertArrayEquals(new long[] {1, 2}, BatchIntake.sniffRange("{\"first_seq\":1,\"last_seq\":2}".getBytes(
                StandardCharsets.UTF_8)).orElseThrow());
    }

    @Test
    void deeplyNestedGarbageIsQuarantinedNotThrown() {
        byte[] nested = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        BatchIntake.Outcome o = intake.handle(topic, nested);

        assertEquals(Optional.empty(), o.ack());
        assertEquals(1, store.quarantined().size());
    }
}
