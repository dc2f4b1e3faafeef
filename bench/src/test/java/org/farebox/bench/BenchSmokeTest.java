package org.farebox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.settle.TapResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every benchmark method a few times without JMH and without timing: the benchmarks still work. */
class BenchSmokeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void useTempFolder() {
        System.setProperty(BenchFolder.PROPERTY, dir.toString());
    }

    @AfterEach
    void restoreFolder() {
        System.clearProperty(BenchFolder.PROPERTY);
    }

    @Test
    void purchaseBenchTapsArePaidWithTheirRowsInTheLedgerAndItsFolderIsRemovedAfter() throws Exception {
        PurchaseBench bench = new PurchaseBench();
        bench.openTerminal();
        try {
            for (int i = 0; i < 20; i++) {
                bench.cardArrives();
                TapResult result = bench.tap();
                bench.cardLeaves();
                assertEquals(DisplayKind.PAID, result.display().kind());
                TapRecord row = result.rows().get(result.rows().size() - 1);
                assertEquals(Outcome.PAID, row.outcome());
                assertEquals(SettlementState.COMPLETE, row.state(), "MAC2 checked by the PSAM");
                assertEquals(200, row.amountFen());
            }
            assertEquals(20, bench.terminal().ledger().size());
            assertTrue(bench.terminal().ledger().verify().intact());
            assertTrue(bench.terminal().ledger().openIntents().isEmpty());
        } finally {
            bench.closeTerminal();
        }
        assertFolderEmpty();
    }

    @Test
    void ledgerCommitBenchWritesOneRowPerCommitAndATapLeavesNoOpenIntent() throws Exception {
        LedgerCommitBench bench = new LedgerCommitBench();
        bench.open();
        try {
            TapRecord appended = bench.ledgerAppend();
            bench.rawInsertCommit();
            bench.rawInsertCommit();
            TapRecord tap = bench.ledgerTap();
            assertEquals(1, appended.sequence());
            assertEquals(2, tap.sequence());
            assertEquals(2, bench.ledger().size());
            assertTrue(bench.ledger().openIntents().isEmpty());
            assertTrue(bench.ledger().verify().intact());
            assertEquals(2, bench.raw().rows());
        } finally {
            bench.close();
        }
        assertFolderEmpty();
    }

    @Test
    void fundedCardsTakeTurnsAndStartRich() {
        FundedCards cards = new FundedCards(org.farebox.protocol.pboc.MasterKeys.generate(new java.util.Random(3), 1,
                1, 1), 3);
        String first = cards.next().image().serialNumber();
        String second = cards.next().image().serialNumber();
        cards.next();
        assertFalse(first.equals(second));
        assertEquals(first, cards.next().image().serialNumber());
        assertEquals(FundedCards.BALANCE, cards.next().image().balance());
        assertEquals(0, cards.reissued());
    }

    @Test
    void denyListBenchLooksUpDeniedAndCleanCardsAlternately() throws Exception {
        DenyListBench bench = new DenyListBench();
        bench.entries = 20_000;
        bench.open();
        try {
            assertEquals(20_000, bench.store().size());
            for (int i = 0; i < 100; i++) {
                assertEquals(i % 2 == 0, bench.lookup(), "probe " + i);
            }
        } finally {
            bench.close();
        }
        assertFolderEmpty();
    }

    @Test
    void denyListApplyMeasuresASnapshotItAppliedAndReloaded() throws Exception {
        DenyListApply.Figures f = DenyListApply.measure(20_000);
        assertEquals(20_000, f.entries());
        assertEquals(4 + 1 + 1 + 8 + 8 + 4 + 20_000 * 11 + 4, f.payloadBytes());
        assertTrue(f.applySeconds() > 0 && f.decodeSeconds() > 0 && f.loadSeconds() > 0);
        assertTrue(f.heapWithMb() > 0 && f.heapWithoutMb() > 0);
    }

    @Test
    void drainBenchDrainsTheWholeBacklogAndTimesTheRawLoopOnTheSameBytes() throws Exception {
        DrainBench.Result r = DrainBench.run(2_000, new org.farebox.terminal.sync.UploadSettings(100,
                java.time.Duration.ofSeconds(2), 4, java.time.Duration.ofSeconds(30)));
        assertEquals(2_000, r.rows());
        assertEquals(20, r.batchesSent(), "2,000 rows in batches of 100, none sent twice");
        assertEquals(0, r.batchesResent());
        assertTrue(r.drainSeconds() > 0 && r.rawSeconds() > 0, r.toString());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        r.print(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("BENCH drain_rows_per_s ") && out.contains("BENCH raw_publish_rows_per_s ")
                && out.contains("BENCH drain_ratio_vs_raw "), out);
        assertFolderEmpty();
    }

    private void assertFolderEmpty() throws Exception {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "trial folders are deleted at teardown");
        }
    }
}
