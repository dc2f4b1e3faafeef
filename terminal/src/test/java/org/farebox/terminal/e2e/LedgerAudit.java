package org.farebox.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.farebox.simulator.card.CardImage;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;

/** The end-of-test money check: the ledger is whole, nothing is left open, and it agrees with every card. */
final class LedgerAudit {
    /** What a card holds that money moves: its balance and its offline transaction counter. */
    record Purse(long balance, int counter) {
        static Purse of(CardImage image) {
            return new Purse(image.balance(), image.offlineCounter());
        }
    }

    private LedgerAudit() {
    }

    /**
     * Asserts chain, gap-free sequences, no open intents, no grey rows, and for every card that what it lost
     * is exactly the sum of its money-moving rows, one card counter step per such row. Returns all rows.
     */
    static List<TapRecord> assertConsistent(SqliteLedger ledger, Map<String, Purse> issued, Map<String, Purse> now,
            String where) {
        ChainCheck check = ledger.verify();
        assertTrue(check.intact(), where + ": chain broken at " + check.firstBrokenSequence() + ": " + check.message());
        List<TapRecord> rows = ledger.rows(1, Integer.MAX_VALUE);
        assertEquals(ledger.size(), rows.size(), where + ": row count");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).sequence(), where + ": sequences must be gap-free");
        }
        assertEquals(List.of(), ledger.openIntents(), where + ": open intents left");
        for (TapRecord row : rows) {
            assertNotEquals(SettlementState.GREY, row.state(), where + ": grey row " + row);
            assertNotEquals(Outcome.GREY, row.outcome(), where + ": grey row " + row);
            assertTrue(issued.containsKey(row.cardSerial()), where + ": row of an unknown card " + row);
        }
        for (Map.Entry<String, Purse> card : issued.entrySet()) {
            String serial = card.getKey();
            List<TapRecord> money = rows.stream()
                    .filter(r -> r.cardSerial().equals(serial) && r.state().movedMoney()).toList();
            long charged = money.stream().mapToLong(TapRecord::amountFen).sum();
            Purse before = card.getValue();
            Purse after = now.get(serial);
            assertEquals(before.balance() - after.balance(), charged,
                    where + ": card " + serial + " lost " + (before.balance() - after.balance())
                            + " fen but the ledger charged it " + charged + " fen in " + money.size() + " rows");
            assertEquals(after.counter() - before.counter(), money.size(),
                    where + ": card " + serial + " counted " + (after.counter() - before.counter())
                            + " debits but the ledger has " + money.size());
        }
        return rows;
    }
}
