package org.farebox.terminal.sync;

import org.farebox.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal that taps and uploads is killed with SIGKILL while batches are in flight, then started
 * again on the same ledger, several times; a last run drains. What the clearing host stored must be
 * every row, each once (duplicates are counted, never stored twice), with every hash and link intact.
 */
@Timeout(120)
class UploaderKillNineTest {
    private static final String TERMINAL = "KILL-1";
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @Test
    void killedMidBatchAndRestartedNothingIsLostAndNothingStoredTwice() throws Exception {
        Path ledgerFile = dir.resolve("ledger.db");
        Random random = new Random(0x9_5EED);
        int midBatchKills = 0;
        try (MosquittoBroker broker = MosquittoBroker.startPlain();
                ClearingDouble clearing = ClearingDouble.start(broker.url(), TestRows.OPERATOR)) {
            for (int round = 0; round < ROUNDS; round++) {
                int storedBefore = clearing.storedCount(TERMINAL);
                int batchesBefore = clearing.batches().size();
                try (ChildJvm child = child("tap", broker.url(), ledgerFile)) {
                    assertNotNull(child.awaitLine(l -> l.startsWith("UP"), Duration.ofSeconds(30)), child.transcript());
                    assertTrue(clearing.awaitBatches(batchesBefore + 3 + random.nextInt(5), Duration.ofSeconds(30)),
                            "no batches from the child\n" + child.transcript());
                    // even rounds: at once, while clearing's ack for that batch is on its way; odd: a moment later
                    if (round % 2 == 1) {
                        Thread.sleep(random.nextInt(40));
                    }
                    child.sigkill();
                    assertTrue(child.awaitExit(Duration.ofSeconds(10)));
                }
                long received = lastReceived(clearing);
                long cleared;
                long last;
                try (SqliteLedger ledger = SqliteLedger.open(ledgerFile, TERMINAL, LedgerOptions.defaults())) {
                    cleared = ledger.clearedThrough();
                    last = ledger.backlog().lastSequence();
                }
                if (received > cleared) {
                    midBatchKills++;
                }
                System.out.printf("kill %d: ledger has %d rows, cleared through %d, clearing received through %d "
                        + "(stored %d new rows)%n", round + 1, last, cleared, received,
                        clearing.storedCount(TERMINAL) - storedBefore);
            }
            String drained;
            try (ChildJvm child = child("drain", broker.url(), ledgerFile)) {
                drained = child.awaitLine(l -> l.startsWith("DRAINED"), Duration.ofSeconds(60));
                assertNotNull(drained, child.transcript());
            }
            long last = Long.parseLong(drained.split(" ")[1]);
            assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), clearing.storedSequences(TERMINAL),
                    "every row stored, each once");
            assertEquals(List.of(), clearing.problems(), "hashes and links intact");
            assertEquals(last + clearing.duplicates(), clearing.rowsReceived());
            System.out.printf("%d rows over %d kills: %d stored, %d duplicates received and dropped, %d kills with "
                    + "acknowledged rows not yet marked cleared%n", last, ROUNDS, clearing.storedCount(TERMINAL),
                    clearing.duplicates(), midBatchKills);
            assertTrue(midBatchKills > 0, "no kill landed while clearing held rows beyond the cleared mark");
        }
    }

    private static long lastReceived(ClearingDouble clearing) {
        List<Long> stored = clearing.storedSequences(TERMINAL);
        return stored.isEmpty() ? 0 : stored.get(stored.size() - 1);
    }

    private static ChildJvm child(String mode, String broker, Path ledger) throws Exception {
        return ChildJvm.start(UploaderChild.class.getName(), List.of(mode, broker, ledger.toString(), TERMINAL, "20",
                "100", "4", "5000"));
    }
}
