package org.farebox.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.Tally;
import org.farebox.simulator.card.CardImage;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.LedgerTotals;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;

/** The demo's end: what the passengers saw, what the ledger holds, and whether the cards agree with it. */
final class DemoReport {
    private final int taps;
    private final Map<DisplayKind, Integer> shown;
    private LedgerTotals totals;
    private ChainCheck chain;
    private Map<Long, Long> rowsByFareVersion;
    private ClearingView clearing;

    DemoReport(int taps, Map<DisplayKind, Integer> shown) {
        this.taps = taps;
        this.shown = shown;
    }

    DemoReport withLedger(SqliteLedger ledger) {
        this.totals = ledger.totals();
        this.chain = ledger.verify();
        this.rowsByFareVersion = new TreeMap<>();
        for (TapRecord r : ledger.rowsAfter(0, (int) Math.min(Integer.MAX_VALUE, ledger.size()))) {
            rowsByFareVersion.merge(r.fareTableVersion(), 1L, Long::sum);
        }
        return this;
    }

    DemoReport withClearing(Report report, String terminalId, SyncDrain drain) {
        this.clearing = new ClearingView(report.terminal(terminalId), report.duplicatesDropped(),
                report.openFindings(), drain.batchesSent(), drain.batchesResent(), drain.leftBehind());
        return this;
    }

    /** What clearing holds for this bus, and what it took to get it there. */
    private record ClearingView(Tally tally, long duplicatesDropped, long openFindings, long batches, long resent,
            long leftBehind) {
        boolean matches(LedgerTotals t) {
            if (tally.taps() != t.rows() || tally.revenueFen() != t.revenueFen() || openFindings != 0
                    || leftBehind != 0) {
                return false;
            }
            for (Outcome o : Outcome.values()) {
                if (tally.outcome(o.name()) != t.rows(o)) {
                    return false;
                }
            }
            return true;
        }
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
        out.println("fare tables used: " + rowsByFareVersion.entrySet().stream()
                .map(e -> "v" + e.getKey() + " " + e.getValue() + " rows").reduce((a, b) -> a + ", " + b).orElse("none"));
        boolean clearingMatches = clearing.matches(totals);
        out.println("clearing: " + clearing.tally().taps() + " rows delivered in " + clearing.batches() + " batches ("
                + clearing.resent() + " resent), " + clearing.duplicatesDropped() + " duplicates dropped, "
                + clearing.openFindings() + " open findings; revenue " + clearing.tally().revenueFen()
                + " fen; terminal ledger " + totals.rows() + " rows, " + totals.revenueFen() + " fen"
                + (clearingMatches ? "  -> match" : "  -> MISMATCH"));
        out.println("card balances: " + before + " fen before, " + after + " fen after, change " + balanceChange
                + " fen; ledger says " + totals.revenueFen() + " fen" + (totals.openIntents() > 0
                        ? "; " + totals.openIntents() + " purchases still open" : "")
                + (balancesMatch ? "  -> match" : "  -> MISMATCH"));
        out.printf("SUMMARY taps=%d accepted=%d refused=%d revenue_fen=%d chain=%s balances=%s delivered=%d "
                + "duplicates_dropped=%d clearing=%s%n", taps, accepted, taps - accepted, totals.revenueFen(),
                chain.intact() ? "ok" : "broken", balancesMatch ? "match" : "mismatch", clearing.tally().taps(),
                clearing.duplicatesDropped(), clearingMatches ? "match" : "mismatch");
        return chain.intact() && balancesMatch && clearingMatches;
    }
}
