package org.farebox.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.farebox.simulator.card.CardImage;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.LedgerTotals;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SqliteLedger;

/** The demo's end: what the passengers saw, what the ledger holds, and whether the cards agree with it. */
final class DemoReport {
    private final int taps;
    private final Map<DisplayKind, Integer> shown;
    private LedgerTotals totals;
    private ChainCheck chain;

    DemoReport(int taps, Map<DisplayKind, Integer> shown) {
        this.taps = taps;
        this.shown = shown;
    }

    DemoReport withLedger(SqliteLedger ledger) {
        this.totals = ledger.totals();
        this.chain = ledger.verify();
        return this;
    }

    /** Prints the summary (the last line is the machine-readable SUMMARY); true when ledger and cards agree. */
    boolean print(PrintStream out, List<DemoCards.Passenger> cards, long millis) throws IOException {
        long before = 0;
        long after = 0;
        for (DemoCards.Passenger p : cards) {
            before += p.initialBalance();
            after += CardImage.load(p.file()).balance();
        }
        long balanceChange = before - after;
        boolean balancesMatch = balanceChange == totals.revenueFen() && totals.openIntents() == 0;
        int accepted = shown.getOrDefault(DisplayKind.PAID, 0);
        out.println();
        out.println("== Demo summary (" + millis + " ms)");
        out.println("taps: " + taps + "  (what the passengers saw)");
        for (Map.Entry<DisplayKind, Integer> e : shown.entrySet()) {
            out.printf("  %-20s %5d%n", e.getKey(), e.getValue());
        }
        out.println("ledger rows: " + totals.rows() + "  (by outcome)");
        for (Outcome o : Outcome.values()) {
            long n = totals.rows(o);
            if (n > 0) {
                out.printf("  %-20s %5d%n", o, n);
            }
        }
        out.printf("revenue: ¥%d.%02d (%d fen)%n", totals.revenueFen() / 100, totals.revenueFen() % 100, totals.revenueFen());
        out.println("ledger chain: " + (chain.intact() ? "verified, " + chain.rows() + " rows"
                : "BROKEN at sequence " + chain.firstBrokenSequence() + ": " + chain.message()));
        out.println("card balances: " + before + " fen before, " + after + " fen after, change " + balanceChange
                + " fen; ledger says " + totals.revenueFen() + " fen" + (totals.openIntents() > 0
                        ? "; " + totals.openIntents() + " purchases still open" : "")
                + (balancesMatch ? "  -> match" : "  -> MISMATCH"));
        out.printf("SUMMARY taps=%d accepted=%d refused=%d revenue_fen=%d chain=%s balances=%s%n", taps, accepted,
                taps - accepted, totals.revenueFen(), chain.intact() ? "ok" : "broken", balancesMatch ? "match" : "mismatch");
        return chain.intact() && balancesMatch;
    }
}
