package org.farebox.terminal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The uploader against a real Mosquitto and a clearing double: batching, acks, window, resends. */
@Timeout(60)
class UploaderTest {
    private static final Duration LONG = Duration.ofSeconds(20);
    private static MosquittoBroker broker;

    @TempDir
    Path dir;

    private ClearingDouble clearing;
    private UploaderHarness terminal;
    private String terminalId;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.startPlain();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void startClearing(TestInfo info) throws Exception {
        clearing = ClearingDouble.start(broker.url(), TestRows.OPERATOR);
        terminalId = "T" + Math.abs(info.getDisplayName().hashCode() % 100_000);
    }

    @AfterEach
    void stopAll() {
        if (terminal != null) {
            terminal.close();
        }
        clearing.close();
    }

    private UploaderHarness terminal(UploadSettings settings) throws Exception {
        terminal = new UploaderHarness(dir, broker.url(), terminalId, settings).start();
        return terminal;
    }

    private static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void batchesCloseAtBatchRowsAndTheRestWaitsUntilFlushNow() throws Exception {
        UploaderHarness t = terminal(new UploadSettings(100, Duration.ofMinutes(10), 8, Duration.ofMinutes(5)));
        t.append(250);

        assertTrue(t.awaitCleared(200, LONG), "two full batches acknowledged");
        // the 50 left must wait for batchMaxWait (10 min): give the uploader ample time to get it wrong
        Thread.sleep(1500);
        assertEquals(List.of(new ClearingDouble.Received(terminalId, 1, 100, 100),
                new ClearingDouble.Received(terminalId, 101, 200, 100)), clearing.batches());
        assertEquals(200, t.ledger.clearedThrough());

        t.uploader.flushNow();
        assertTrue(t.awaitCleared(250, LONG), "flushNow sends the short batch");
        assertEquals(new ClearingDouble.Received(terminalId, 201, 250, 50), clearing.batches().get(2));
        assertEquals(oneTo(250), clearing.storedSequences(terminalId));
        assertEquals(List.of(), clearing.problems());
        UploaderStats stats = t.uploader.stats();
        assertEquals(250, stats.rowsDelivered());
        assertEquals(3, stats.batchesSent());
        assertEquals(0, stats.batchesResent());
        assertTrue(stats.lastAckAt().isPresent());
    }

    @Test
    void aShortBatchGoesOutOnceItsOldestRowHasWaitedBatchMaxWait() throws Exception {
        UploaderHarness t = terminal(new UploadSettings(100, Duration.ofMillis(300), 8, Duration.ofMinutes(5)));
        t.append(7);

        assertTrue(t.awaitCleared(7, LONG), "the time rule closed the batch");
        assertEquals(List.of(new ClearingDouble.Received(terminalId, 1, 7, 7)), clearing.batches());
        assertEquals(0, t.ledger.backlog().rows());
    }

    @Test
    void acksOutOfOrderMoveTheClearedMarkOverTheContiguousPrefixOnly() throws Exception {
        clearing.holdAcks(true);
        UploaderHarness t = terminal(new UploadSettings(10, Duration.ofMinutes(10), 8, Duration.ofMinutes(5)));
        t.append(40);
        assertTrue(clearing.awaitBatches(4, LONG));
        awaitHeld(4);
        List<TxnAck> held = clearing.held();
        assertEquals(List.of(1L, 11L, 21L, 31L), held.stream().map(TxnAck::firstSeq).toList());

        clearing.releaseHeld(List.of(3, 1)); // rows 31-40 and 11-20: a gap at 1-10
        awaitStats(s -> s.batchesInFlight() == 2);
        assertEquals(0, t.ledger.clearedThrough(), "nothing is contiguous from the mark yet");

        clearing.sendAck(held.get(0)); // 1-10: the prefix now reaches 20
        assertTrue(t.awaitCleared(20, LONG));
        awaitStats(s -> s.batchesInFlight() == 1);
        assertEquals(20, t.ledger.clearedThrough(), "21-30 is still missing, 31-40 waits beyond it");

        clearing.sendAck(held.get(2));
        assertTrue(t.awaitCleared(40, LONG));
        assertEquals(40, t.uploader.stats().rowsDelivered());
    }

    @Test
    void theInFlightWindowBoundsBatchesAwaitingTheirAck() throws Exception {
        clearing.holdAcks(true);
        UploaderHarness t = terminal(new UploadSettings(10, Duration.ofMinutes(10), 3, Duration.ofMinutes(5)));
        t.append(100);
        assertTrue(clearing.awaitBatches(3, LONG));
        Thread.sleep(1500); // room for a fourth batch, if the window let one through
        assertEquals(3, clearing.batches().size());
        assertEquals(3, t.uploader.stats().batchesInFlight());

        clearing.holdAcks(false);
        clearing.releaseHeld(List.of(0, 1, 2));
        assertTrue(t.awaitCleared(100, LONG));
        assertEquals(10, clearing.batches().size());
    }

    @Test
    void aLostAckMakesTheUploaderSendAgainAfterTheAckTimeoutAndClearingSeesOnlyDuplicates() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
        clearing.dropAcksWhen(b -> b.firstSeq() == 21 && dropped.compareAndSet(false, true));
        UploaderHarness t = terminal(new UploadSettings(10, Duration.ofMinutes(10), 8, Duration.ofSeconds(2)));
        t.append(50);

        assertTrue(t.awaitCleared(50, LONG), "all rows acknowledged in the end: " + t.uploader.stats());
        assertTrue(dropped.get());
        assertEquals(oneTo(50), clearing.storedSequences(terminalId));
        assertTrue(clearing.duplicates() >= 10, "21-30 arrived again: " + clearing.duplicates());
        assertEquals(50 + clearing.duplicates(), clearing.rowsReceived());
        assertTrue(t.uploader.stats().batchesResent() >= 1);
        assertEquals(List.of(), clearing.problems());
    }

    @Test
    void acksForOtherTerminalsForRowsNeverSentOrMalformedAreIgnored() throws Exception {
        UploaderHarness t = terminal(new UploadSettings(10, Duration.ofMinutes(10), 8, Duration.ofMinutes(5)));
        t.append(30);
        assertTrue(t.awaitCleared(30, LONG));
        t.append(5); // rows 31..35 exist but are not sent (batch not full)
        String ackTopic = new Topics(TestRows.OPERATOR).ack(terminalId);
        clearing.link().publish(ackTopic, new TxnAck(terminalId, 31, 35, TxnAck.Result.STORED, 5, 0, "").encode(), 1,
                false).get();
        clearing.link().publish(ackTopic, new TxnAck("OTHER", 31, 35, TxnAck.Result.STORED, 5, 0, "").encode(), 1,
                false).get();
        clearing.link().publish(ackTopic, "{\"format\":\"nonsense\"}".getBytes(), 1, false).get();

        awaitStats(s -> s.acksIgnored() == 3);
        assertEquals(30, t.ledger.clearedThrough(), "no ack moves the mark over rows that were never sent");
        t.uploader.flushNow();
        assertTrue(t.awaitCleared(35, LONG), "and the real ack still works");
    }

    @Test
    void aNewUploaderOnTheSameLedgerResumesAfterTheClearedMark() throws Exception {
        UploaderHarness first = terminal(new UploadSettings(10, Duration.ofMinutes(10), 8, Duration.ofMinutes(5)));
        first.append(30);
        assertTrue(first.awaitCleared(30, LONG));
        first.append(5);
        first.close();
        terminal = null;

        UploaderHarness second = terminal(new UploadSettings(10, Duration.ofMillis(200), 8, Duration.ofMinutes(5)));
        assertTrue(second.awaitCleared(35, LONG));
        List<ClearingDouble.Received> got = clearing.batches();
        assertEquals(new ClearingDouble.Received(terminalId, 31, 35, 5), got.get(got.size() - 1));
        assertEquals(0, clearing.duplicates(), "nothing cleared is sent again");
    }

    private void awaitHeld(int n) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (clearing.held().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, clearing.held().size());
    }

    private void awaitStats(java.util.function.Predicate<UploaderStats> p) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!p.test(terminal.uploader.stats()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(p.test(terminal.uploader.stats()), "stats: " + terminal.uploader.stats());
    }
}
