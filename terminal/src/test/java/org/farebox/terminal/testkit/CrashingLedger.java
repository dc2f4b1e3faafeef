package org.farebox.terminal.testkit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.farebox.terminal.ledger.Backlog;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.ledger.LedgerTotals;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.TapRecord;

/**
 * A ledger that passes everything to the real one until it is armed with a {@link CrashPoint}; there it
 * throws {@link SimulatedCrash} once, leaving on disk exactly what a process killed at that moment leaves.
 */
public final class CrashingLedger implements Ledger {
    private final Ledger real;
    private CrashPoint armed;

    public CrashingLedger(Ledger real) {
        this.real = real;
    }

    /** The next time the terminal reaches {@code point}, it "dies". */
    public void crashAt(CrashPoint point) {
        armed = point;
    }

    private void maybeCrash(CrashPoint point) {
        if (armed == point) {
            armed = null;
            throw new SimulatedCrash(point);
        }
    }

    @Override
    public PurchaseIntent recordIntent(PurchaseIntent pending) {
        PurchaseIntent written = real.recordIntent(pending);
        maybeCrash(CrashPoint.AFTER_INTENT_RECORDED);
        return written;
    }

    @Override
    public void markDebited(long intentId, String tac, String mac2) {
        maybeCrash(CrashPoint.BEFORE_MARK_DEBITED);
        real.markDebited(intentId, tac, mac2);
    }

    @Override
    public void markUncertain(long intentId, Instant expiresAt) {
        real.markUncertain(intentId, expiresAt);
    }

    @Override
    public List<PurchaseIntent> openIntents() {
        return real.openIntents();
    }

    @Override
    public TapRecord append(TapRecord draft) {
        return real.append(draft);
    }

    @Override
    public TapRecord resolve(long intentId, TapRecord draft) {
        maybeCrash(CrashPoint.BEFORE_RESOLVE);
        return real.resolve(intentId, draft);
    }

    @Override
    public long lastPsamSerial(String psamTerminalNo) {
        return real.lastPsamSerial(psamTerminalNo);
    }

    @Override
    public ChainCheck verify() {
        return real.verify();
    }

    @Override
    public void exportCsv(Writer out) throws IOException {
        real.exportCsv(out);
    }

    @Override
    public LedgerTotals totals() {
        return real.totals();
    }

    @Override
    public long size() {
        return real.size();
    }

    @Override
    public long clearedThrough() {
        return real.clearedThrough();
    }

    @Override
    public void markCleared(long throughSequence) {
        real.markCleared(throughSequence);
    }

    @Override
    public List<TapRecord> rowsAfter(long afterSequence, int limit) {
        return real.rowsAfter(afterSequence, limit);
    }

    @Override
    public Backlog backlog() {
        return real.backlog();
    }

    /** Leaves the real ledger open: the bench owns it. */
    @Override
    public void close() {
    }
}
