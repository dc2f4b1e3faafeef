package org.farebox.terminal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;

/** Fluent checks of one ledger row, each failure naming the field and the row. */
public final class RowAssert {
    private final TapRecord row;

    private RowAssert(TapRecord row) {
        this.row = row;
    }

    public static RowAssert assertRow(TapRecord row) {
        return new RowAssert(row);
    }

    public RowAssert is(Outcome outcome, SettlementState state) {
        assertEquals(outcome, row.outcome(), () -> "outcome of " + row);
        assertEquals(state, row.state(), () -> "settlement state of " + row);
        return this;
    }

    public RowAssert card(String serial) {
        assertEquals(serial, row.cardSerial(), () -> "card of " + row);
        return this;
    }

    public RowAssert amount(long fen) {
        assertEquals(fen, row.amountFen(), () -> "amount of " + row);
        return this;
    }

    public RowAssert balances(long beforeFen, long afterFen) {
        assertEquals(beforeFen, row.balanceBeforeFen(), () -> "balance before of " + row);
        assertEquals(afterFen, row.balanceAfterFen(), () -> "balance after of " + row);
        return this;
    }

    public RowAssert counter(int counter) {
        assertEquals(counter, row.cardCounter(), () -> "card counter of " + row);
        return this;
    }

    public RowAssert category(String riderCategory) {
        assertEquals(riderCategory, row.riderCategory(), () -> "rider category of " + row);
        return this;
    }

    public RowAssert psam(String terminalNo, long serial) {
        assertEquals(terminalNo, row.psamTerminalNo(), () -> "PSAM terminal number of " + row);
        assertEquals(serial, row.psamSerial(), () -> "PSAM serial of " + row);
        return this;
    }

    public RowAssert noPsam() {
        return psam("", -1);
    }

    /** TAC and MAC2 both present as 8 hex digits. */
    public RowAssert hasProof() {
        assertTrue(row.tac().matches("[0-9A-F]{8}"), () -> "TAC of " + row);
        assertTrue(row.mac2().matches("[0-9A-F]{8}"), () -> "MAC2 of " + row);
        return this;
    }

    public RowAssert noProof() {
        assertEquals("", row.tac(), () -> "TAC of " + row);
        assertEquals("", row.mac2(), () -> "MAC2 of " + row);
        return this;
    }

    public RowAssert tac(String hex) {
        assertEquals(hex, row.tac(), () -> "TAC of " + row);
        return this;
    }

    public RowAssert transactionType(int type) {
        assertEquals(type, row.transactionType(), () -> "transaction type of " + row);
        return this;
    }

    public RowAssert detailContains(String text) {
        assertTrue(row.detail().contains(text), () -> "detail of " + row + " should contain \"" + text + "\"");
        return this;
    }
}
