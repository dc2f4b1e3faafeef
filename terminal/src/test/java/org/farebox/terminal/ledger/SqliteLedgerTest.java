package org.farebox.terminal.ledger;

import static org.farebox.terminal.ledger.LedgerFixtures.TERMINAL;
import static org.farebox.terminal.ledger.LedgerFixtures.open;
import static org.farebox.terminal.ledger.LedgerFixtures.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest {

    @TempDir
    Path dir;

    @Test
    void appendAssignsGapFreeSequencesChainedFromGenesis() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            TapRecord first = ledger.append(paid(1));
            TapRecord second = ledger.append(paid(2));
            TapRecord third = ledger.append(paid(3));

            assertEquals(List.of(1L, 2L, 3L), List.of(first.sequence(), second.sequence(), third.sequence()));
            assertEquals(CanonicalRow.GENESIS_PREV_HASH, first.prevHash());
            assertEquals(first.hash(), second.prevHash());
            assertEquals(second.hash(), third.prevHash());
            assertEquals(CanonicalRow.hash(second.hash(), third), third.hash());
            assertEquals(TERMINAL, third.terminalId());
            assertEquals(3, ledger.size());
        }
    }

    @Test
    void appendedRowsReadBackEqualToWhatAppendReturned() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            TapRecord written = ledger.append(paid(1));
            assertEquals(List.of(written), ledger.rows(1, 10));
        }
    }

    @Test
    void reopenedLedgerContinuesTheSequenceAndChain() {
        Path file = dir.resolve("ledger.db");
        TapRecord last;
        try (SqliteLedger ledger = open(file)) {
            ledger.append(paid(1));
            last = ledger.append(paid(2));
        }
        try (SqliteLedger ledger = open(file)) {
            TapRecord next = ledger.append(paid(3));
            assertEquals(3, next.sequence());
            assertEquals(last.hash(), next.prevHash());
            assertTrue(ledger.verify().intact());
        }
    }

    @Test
    void eachTerminalHasItsOwnSequenceInOneFile() {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = open(file)) {
            ledger.append(paid(1));
            ledger.append(paid(2));
        }
        try (SqliteLedger other = SqliteLedger.open(file, "T-0043", LedgerOptions.defaults())) {
            TapRecord row = other.append(paid(3));
            assertEquals(1, row.sequence());
            assertEquals(CanonicalRow.GENESIS_PREV_HASH, row.prevHash());
            ChainCheck check = other.verify();
            assertTrue(check.intact(), check.message());
            assertEquals(3, check.rows());
        }
    }

    @Test
    void appendRefusesARowThatIsNotADraft() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            TapRecord row = ledger.append(paid(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ledger.append(row));
            assertTrue(e.getMessage().contains("draft"), e.getMessage());
            assertEquals(1, ledger.size());
        }
    }

    @Test
    void appendRefusesARowOfAnotherTerminal() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            TapRecord foreign = TapRecord.draft().terminalId("T-9999").time(LedgerFixtures.T0)
                    .outcome(Outcome.DENIED).state(SettlementState.NO_DEBIT).build();
            assertThrows(IllegalArgumentException.class, () -> ledger.append(foreign));
            assertEquals(0, ledger.size());
        }
    }

    @Test
    void draftBuilderDefaultsUnknownsAndRequiresTimeOutcomeAndState() {
        TapRecord draft = TapRecord.draft().time(LedgerFixtures.T0).outcome(Outcome.CARD_ERROR)
                .state(SettlementState.NO_DEBIT).build();
        assertEquals(-1, draft.amountFen());
        assertEquals(-1, draft.psamSerial());
        assertEquals("", draft.cardSerial());
        assertTrue(draft.isDraft());
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TapRecord.draft().outcome(Outcome.PAID).state(SettlementState.COMPLETE).build());
        assertTrue(e.getMessage().contains("time"), e.getMessage());
    }

    @Test
    void totalsCountRowsByOutcomeAndRevenueOnlyWhereMoneyMoved() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            ledger.append(paid(1));
            ledger.append(TapRecord.draft().time(LedgerFixtures.T0).amountFen(300).outcome(Outcome.PAID)
                    .state(SettlementState.DEBITED).build());
            ledger.append(TapRecord.draft().time(LedgerFixtures.T0).amountFen(400).outcome(Outcome.PAID)
                    .state(SettlementState.MAC2_FAIL).build());
            ledger.append(TapRecord.draft().time(LedgerFixtures.T0).amountFen(500).outcome(Outcome.GREY)
                    .state(SettlementState.GREY).build());
            ledger.append(TapRecord.draft().time(LedgerFixtures.T0).amountFen(200).outcome(Outcome.LOW_BALANCE)
                    .state(SettlementState.NO_DEBIT).build());
            ledger.recordIntent(LedgerFixtures.intent(9));

            LedgerTotals totals = ledger.totals();
            assertEquals(3, totals.rows(Outcome.PAID));
            assertEquals(1, totals.rows(Outcome.GREY));
            assertEquals(1, totals.rows(Outcome.LOW_BALANCE));
            assertEquals(0, totals.rows(Outcome.DENIED));
            assertEquals(5, totals.rows());
            assertEquals(200 + 300 + 400, totals.revenueFen());
            assertEquals(1, totals.openIntents());
        }
    }

    @Test
    void lastPsamSerialIsTheMaximumOverRowsAndIntentsOfThatPsam() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            assertEquals(0, ledger.lastPsamSerial(LedgerFixtures.PSAM));
            ledger.append(paid(5));
            assertEquals(5, ledger.lastPsamSerial(LedgerFixtures.PSAM));
            ledger.recordIntent(LedgerFixtures.intent(8));
            assertEquals(8, ledger.lastPsamSerial(LedgerFixtures.PSAM));
            ledger.append(TapRecord.draft().time(LedgerFixtures.T0).psamTerminalNo("OTHER").psamSerial(99)
                    .outcome(Outcome.PAID).state(SettlementState.COMPLETE).build());
            assertEquals(8, ledger.lastPsamSerial(LedgerFixtures.PSAM));
            assertEquals(99, ledger.lastPsamSerial("OTHER"));
            assertEquals(0, ledger.lastPsamSerial("NEVER-SEEN"));
        }
    }

    @Test
    void aReaderThreadSeesConsistentCountsWhileTapsAreWritten() throws Exception {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Long> seen = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        LedgerTotals t = ledger.totals();
                        seen.add(t.rows());
                        ledger.size();
                        ledger.openIntents();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            reader.start();
            for (int i = 1; i <= 200; i++) {
                ledger.append(paid(i));
            }
            reader.join();
            if (failure.get() != null) {
                throw new AssertionError("reader failed", failure.get());
            }
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "row count never goes backwards");
            }
            assertEquals(200, ledger.size());
        }
    }

    @Test
    void aClosedLedgerSaysSo() {
        SqliteLedger ledger = open(dir.resolve("ledger.db"));
        ledger.close();
        ledger.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, ledger::size);
        assertTrue(e.getMessage().contains("closed"));
    }
}
