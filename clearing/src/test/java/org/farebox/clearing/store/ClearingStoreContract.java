package org.farebox.clearing.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.farebox.clearing.TerminalChain;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every clearing store must do; run on SQLite and on PostgreSQL by the subclasses. */
abstract class ClearingStoreContract {
    static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    ClearingStore store;
    TerminalChain t1;

    /** A new store on this test's database; each call opens another connection to the same database. */
    abstract ClearingStore open();

    @BeforeEach
    void openStore() {
        store = open();
        t1 = new TerminalChain("OP1", "T1", 1, START);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void batchSentTwiceIsStoredOnceAndCountedAsDuplicates() {
        BatchResult first = store.store(t1.batch(1, 50));
        BatchResult again = store.store(t1.batch(1, 50));

        assertEquals(50, first.stored());
        assertEquals(0, first.duplicates());
        assertEquals(0, again.stored());
        assertEquals(50, again.duplicates());
        assertEquals(50, store.rowCount());
        assertEquals(50, store.duplicatesDropped());
        assertEquals(List.of(), store.findings(false));
    }

    @Test
    void resendCutDifferentlyStoresOnlyTheNewRows() {
        store.store(t1.batch(1, 30));
        BatchResult overlap = store.store(t1.batch(21, 60));

        assertEquals(30, overlap.stored());
        assertEquals(10, overlap.duplicates());
        assertEquals(60, store.rowCount());
        assertEquals(List.of(), store.findings(false));
    }

    @Test
    void batchesArrivingOutOfOrderLinkUpWithoutOpenFindings() {
        store.store(t1.batch(201, 300));
        store.store(t1.batch(1, 100));
        store.store(t1.batch(101, 200));

        assertEquals(300, store.rowCount());
        assertEquals(List.of(), store.findings(true), "every gap was filled");
        assertTrue(store.findings(false).stream().allMatch(f -> f.kind() == FindingKind.GAP),
                "nothing but (resolved) gaps");
    }

    @Test
    void missingRowsOpenAGapThatNarrowsAndResolvesAsTheyArrive() {
        store.store(t1.batch(1, 10));
        BatchResult later = store.store(t1.batch(31, 40));

        assertEquals(1, later.findings().size());
        Finding gap = later.findings().get(0);
        assertEquals(FindingKind.GAP, gap.kind());
        assertEquals(11, gap.firstSeq());
        assertEquals(30, gap.lastSeq());

        store.store(t1.batch(16, 20));
        List<Finding> open = store.findings(true);
        assertEquals(List.of("GAP 11-15", "GAP 21-30"), open.stream()
                .map(f -> f.kind() + " " + f.firstSeq() + "-" + f.lastSeq()).collect(Collectors.toList()));

        store.store(t1.batch(11, 15));
        store.store(t1.batch(21, 30));
        assertEquals(List.of(), store.findings(true));
        assertEquals(40, store.rowCount());
    }

    @Test
    void firstBatchStartingLateOpensAGapFromSequenceOne() {
        BatchResult r = store.store(t1.batch(5, 9));

        assertEquals(1, r.findings().size());
        assertEquals(FindingKind.GAP, r.findings().get(0).kind());
        assertEquals(1, r.findings().get(0).firstSeq());
        assertEquals(4, r.findings().get(0).lastSeq());
    }

    @Test
    void rowNotLinkedToItsStoredPredecessorIsAChainBreak() {
        store.store(t1.batch(1, 10));
        List<TxnRow> rows = new ArrayList<>(t1.batch(11, 15).rows());
        rows.set(0, TerminalChain.relinked(rows.get(0), "ab".repeat(32)));
        // Row 12 links to the real row 11, not to the relinked one: a second break.
        BatchResult r = store.store(new TxnBatch("OP1", "T1", rows));

        assertEquals(5, r.stored(), "broken rows are stored: the money record must not vanish");
        List<Finding> breaks = r.findings();
        assertEquals(List.of("CHAIN_BREAK 11-12"), breaks.stream()
                .map(f -> f.kind() + " " + f.firstSeq() + "-" + f.lastSeq()).collect(Collectors.toList()));
    }

    @Test
    void rowStoredBeforeItsSuccessorIsCheckedAgainstIt() {
        store.store(t1.batch(11, 20));
        TxnRow ten = TerminalChain.relinked(t1.row(10), t1.row(9).hash());
        // Same fields and link as the real row 10 except the time: another hash, so row 11 no longer links.
        TxnRow forged = TerminalChain.relinked(new TxnRow(10, "T1", ten.timeMillis() + 1, ten.cardSerial(),
                ten.cardType(), ten.riderCategory(), ten.amountFen(), ten.balanceBeforeFen(), ten.balanceAfterFen(),
                ten.cardCounter(), ten.psamTerminalNo(), ten.psamSerial(), ten.tac(), ten.mac2(),
                ten.transactionType(), ten.fareTableVersion(), ten.route(), ten.stop(), ten.outcome(), ten.state(),
                ten.detail(), "", ""), t1.row(9).hash());
        List<TxnRow> rows = new ArrayList<>(t1.batch(1, 9).rows());
        rows.add(forged);
        BatchResult r = store.store(new TxnBatch("OP1", "T1", rows));

        assertEquals(List.of("CHAIN_BREAK 11-11"), r.findings().stream()
                .filter(f -> f.kind() != FindingKind.GAP)
                .map(f -> f.kind() + " " + f.firstSeq() + "-" + f.lastSeq()).collect(Collectors.toList()));
        assertEquals(List.of(), store.findings(true).stream().filter(f -> f.kind() == FindingKind.GAP)
                .collect(Collectors.toList()), "the gap 1-10 is filled");
    }

    @Test
    void firstRowWithoutTheGenesisHashIsAChainBreak() {
        List<TxnRow> rows = new ArrayList<>(t1.batch(1, 3).rows());
        rows.set(0, TerminalChain.relinked(rows.get(0), "01".repeat(32)));
        BatchResult r = store.store(new TxnBatch("OP1", "T1", rows));

        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == FindingKind.CHAIN_BREAK && f.firstSeq() == 1));
    }

    @Test
    void tamperedAmountIsStoredButFlaggedAsHashMismatch() {
        List<TxnRow> rows = new ArrayList<>(t1.batch(1, 5).rows());
        rows.set(2, TerminalChain.withAmount(rows.get(2), 1));
        BatchResult r = store.store(new TxnBatch("OP1", "T1", rows));

        assertEquals(5, r.stored());
        assertEquals(List.of("HASH_MISMATCH 3-3"), r.findings().stream()
                .map(f -> f.kind() + " " + f.firstSeq() + "-" + f.lastSeq()).collect(Collectors.toList()));
        assertEquals(1, store.findings(true).size());
    }

    @Test
    void sameSequenceWithAnotherHashIsAConflictAndKeepsTheFirstRow() {
        store.store(t1.batch(1, 5));
        List<TxnRow> rows = new ArrayList<>(t1.batch(4, 5).rows());
        rows.set(1, TerminalChain.relinked(TerminalChain.withAmount(rows.get(1), 9999), rows.get(0).hash()));
        BatchResult r = store.store(new TxnBatch("OP1", "T1", rows));

        assertEquals(0, r.stored());
        assertEquals(2, r.duplicates());
        assertEquals(List.of("CONFLICT 5-5"), r.findings().stream()
                .map(f -> f.kind() + " " + f.firstSeq() + "-" + f.lastSeq()).collect(Collectors.toList()));
        Report report = store.report(ReportQuery.all(SHANGHAI));
        assertEquals(TerminalChain.revenue(t1.batch(1, 5).rows()), report.total().revenueFen(),
                "the conflicting amount is not counted");
    }

    @Test
    void terminalOfAnotherOperatorIsRefusedAndNothingIsStored() {
        store.store(t1.batch(1, 5));
        TerminalChain impostor = new TerminalChain("OP2", "T1", 99, START);
        BatchResult r = store.store(impostor.batch(6, 8));

        assertTrue(r.refusal().isPresent());
        assertTrue(r.refusal().get().contains("OP1"), r.refusal().get());
        assertEquals(5, store.rowCount());
    }

    @Test
    void quarantineKeepsTheBytesAndOpensAFinding() {
        byte[] garbage = {1, 2, 3, (byte) 0xff};
        Finding f = store.quarantine("farebox/v1/OP1/terminal/T1/txn", "T1", garbage, "batch is not JSON",
                FindingKind.QUARANTINED, 0, 0);

        List<QuarantinedMessage> q = store.quarantined();
        assertEquals(1, q.size());
        assertArrayEquals(garbage, q.get(0).payload());
        assertEquals(4, q.get(0).length());
        assertEquals(List.of(f), store.findings(true));
        assertTrue(f.detail().contains("quarantine #" + q.get(0).id()), f.detail());
    }

    @Test
    void quarantineErrorQuotingControlCharactersIsKeptPrintable() {
        Finding f = store.quarantine("farebox/v1/OP1/terminal/T1/txn", "T1", new byte[] {0},
                "unexpected character '\u0000' at offset 0", FindingKind.QUARANTINED, 0, 0);

        assertTrue(f.detail().contains("unexpected character '?'"), f.detail());
        assertEquals("unexpected character '?' at offset 0", store.quarantined().get(0).error());
    }

    @Test
    void quarantineOfAHugeMessageKeepsItsFirstMegabyteAndItsLength() {
        byte[] huge = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(huge);
        store.quarantine("x", "", huge, "too big", FindingKind.QUARANTINED, 0, 0);

        QuarantinedMessage q = store.quarantined().get(0);
        assertEquals(huge.length, q.length());
        assertEquals(ClearingStore.QUARANTINE_KEEP_BYTES, q.payload().length);
    }

    @Test
    void reportCountsPerTerminalAndDayInTheReportZone() {
        TerminalChain t2 = new TerminalChain("OP1", "T2", 2, START);
        store.store(t1.batch(1, 120));
        store.store(t2.batch(1, 80));
        store.store(t1.batch(1, 120)); // a resend: counted once

        Report all = store.report(ReportQuery.all(SHANGHAI));
        assertEquals(200, all.total().taps());
        assertEquals(TerminalChain.revenue(t1.rows()) + TerminalChain.revenue(t2.rows()), all.total().revenueFen());
        assertEquals(120, all.terminal("T1").taps());
        assertEquals(t1.rows().stream().filter(r -> r.outcome().equals("PAID")).count(),
                all.terminal("T1").outcome("PAID"));
        assertEquals(t1.rows().stream().filter(r -> r.cardType() == 2).count(),
                (long) all.terminal("T1").byCardType().getOrDefault(2, 0L));
        assertEquals(120, all.duplicatesDropped());
        assertEquals(0, all.openFindings());

        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(t1.row(60).timeMillis()), SHANGHAI);
        List<TxnRow> thatDay = t1.rows().stream()
                .filter(r -> LocalDate.ofInstant(Instant.ofEpochMilli(r.timeMillis()), SHANGHAI).equals(day))
                .collect(Collectors.toList());
        Report one = store.report(new ReportQuery(Optional.of(day), Optional.of(day), Optional.of("T1"), SHANGHAI));
        assertEquals(1, one.days().size());
        assertEquals(thatDay.size(), one.days().get(0).tally().taps());
        assertEquals(TerminalChain.revenue(thatDay), one.total().revenueFen());
        assertEquals(120, one.duplicatesDropped());
    }

    @Test
    void reopeningTheStoreKeepsRowsAndCounters() {
        store.store(t1.batch(1, 10));
        store.store(t1.batch(1, 10));
        store.close();
        store = open();

        assertEquals(10, store.rowCount());
        assertEquals(10, store.duplicatesDropped());
        assertEquals(0, store.store(t1.batch(1, 10)).stored());
    }

    @Test
    void twoStoresOnOneDatabaseStoreEveryRowOnceWhateverTheOrder() throws Exception {
        List<TerminalChain> terminals = List.of(t1, new TerminalChain("OP1", "T2", 2, START),
                new TerminalChain("OP1", "T3", 3, START));
        List<TxnBatch> batches = new ArrayList<>();
        for (TerminalChain t : terminals) {
            for (int first = 1; first <= 400; first += 20) {
                batches.add(t.batch(first, first + 19));
            }
        }
        List<TxnBatch> resent = new ArrayList<>(batches.subList(0, 30));
        batches.addAll(resent);
        Collections.shuffle(batches, new Random(42));
        List<TxnBatch> forA = new ArrayList<>();
        List<TxnBatch> forB = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            (i % 2 == 0 ? forA : forB).add(batches.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ClearingStore other = open()) {
            Future<Integer> a = pool.submit(() -> storeAll(store, forA));
            Future<Integer> b = pool.submit(() -> storeAll(other, forB));
            assertEquals(1200, a.get() + b.get(), "each row stored by exactly one of the two");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1200, store.rowCount());
        assertEquals(30 * 20, store.duplicatesDropped());
        assertEquals(List.of(), store.findings(true), "no gap stays open, no spurious break");
        assertTrue(store.findings(false).stream().allMatch(f -> f.kind() == FindingKind.GAP));
    }

    private static int storeAll(ClearingStore s, List<TxnBatch> batches) {
        int stored = 0;
        for (TxnBatch b : batches) {
            stored += s.store(b).stored();
        }
        return stored;
    }
}
