package org.farebox.terminal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away for part of the run while taps go on: taps never wait for the network, and once
 * the broker is back every row reaches the clearing host and is stored exactly once.
 */
@Timeout(90)
class BrokerOutageTest {
    @TempDir
    Path dir;

    @Test
    void tapsGoOnWhileTheBrokerIsDownAndAfterItReturnsEveryRowIsStoredOnce() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.startPlain();
                ClearingDouble clearing = ClearingDouble.start(broker.url(), TestRows.OPERATOR);
                UploaderHarness terminal = new UploaderHarness(dir, broker.url(), "OUT-1",
                        new UploadSettings(25, Duration.ofMillis(200), 4, Duration.ofSeconds(3))).start()) {
            AtomicBoolean tapping = new AtomicBoolean(true);
            AtomicLong slowestTapNanos = new AtomicLong();
            AtomicLong taps = new AtomicLong();
            Thread tapper = new Thread(() -> {
                while (tapping.get()) {
                    long start = System.nanoTime();
                    terminal.append(1);
                    slowestTapNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    taps.incrementAndGet();
                    try {
                        Thread.sleep(3);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "tapper");
            tapper.start();

            assertTrue(clearing.awaitStored("OUT-1", 50, Duration.ofSeconds(20)), "online before the outage");
            broker.stop();
            long tapsAtStop = taps.get();
            Thread.sleep(2500); // the bus drives on without network; the scenario, not a timing margin
            long tapsOffline = taps.get() - tapsAtStop;
            long storedAtRestart = clearing.storedCount("OUT-1");
            broker.start();
            Thread.sleep(1500);
            tapping.set(false);
            tapper.join();

            long last = terminal.lastSequence();
            assertTrue(terminal.awaitCleared(last, Duration.ofSeconds(40)),
                    "backlog drained after the broker returned: " + terminal.uploader.stats() + "\n" + broker.logTail());
            assertTrue(tapsOffline > 50, "taps went on while the broker was down: " + tapsOffline);
            assertTrue(last > storedAtRestart, "rows waited in the ledger during the outage");
            assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), clearing.storedSequences("OUT-1"),
                    "every row stored exactly once");
            assertEquals(List.of(), clearing.problems());
            assertTrue(slowestTapNanos.get() < Duration.ofSeconds(1).toNanos(),
                    "no tap waited for the network: slowest append " + slowestTapNanos.get() / 1_000_000 + " ms");
            System.out.printf("outage: %d taps, %d while the broker was down; slowest append %d ms; clearing got %d "
                    + "duplicates; uploader %s; at %s%n", last, tapsOffline, slowestTapNanos.get() / 1_000_000,
                    clearing.duplicates(), terminal.uploader.stats(), Instant.now());
        }
    }
}
