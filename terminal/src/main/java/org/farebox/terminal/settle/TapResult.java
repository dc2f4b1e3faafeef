package org.farebox.terminal.settle;

import java.util.List;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.TapRecord;

/** What one tap did: what the passenger was shown and the ledger rows it wrote (none, one, or a recovery plus a purchase). */
public record TapResult(Display display, List<TapRecord> rows) {
    public TapResult {
        rows = List.copyOf(rows);
    }
}
