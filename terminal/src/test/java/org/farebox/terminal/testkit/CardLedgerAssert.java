package org.farebox.terminal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.farebox.simulator.card.VirtualTUnionCard;

/** Holds the card's own purse against the terminal's ledger: the two must tell the same story. */
public final class CardLedgerAssert {
    private CardLedgerAssert() {
    }

    /**
     * What left the card equals what the ledger took from it (rows in COMPLETE, DEBITED or MAC2_FAIL), and
     * the card's transaction counter equals the number of those rows: no debit unrecorded, none twice.
     * Holds for a card used on this terminal only.
     */
    public static void assertCardAgreesWithLedger(TerminalBench bench, VirtualTUnionCard card, long initialBalance,
            String context) {
        String serial = card.image().serialNumber();
        assertEquals(initialBalance - card.image().balance(), bench.revenueFrom(serial),
                () -> context + ": fen taken from card " + serial + " vs ledger revenue; rows " + bench.rowsOf(serial));
        long debits = bench.rowsOf(serial).stream().filter(r -> r.state().movedMoney()).count();
        assertEquals(card.image().offlineCounter(), debits,
                () -> context + ": card counter vs money-moving rows; rows " + bench.rowsOf(serial));
    }
}
