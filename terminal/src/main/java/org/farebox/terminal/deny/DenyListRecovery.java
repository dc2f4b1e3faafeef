package org.farebox.terminal.deny;

import java.io.IOException;
import java.util.List;
import org.tinylog.Logger;

/** The deny list read back at start: the stored snapshot (moved aside if damaged), then the logged deltas. */
final class DenyListRecovery {
    private DenyListRecovery() {
    }

    /** The stored snapshot's state; a damaged file is quarantined and the list starts empty (local, version 0). */
    static DenyState load(DenyListFiles files, byte[] stored) throws IOException {
        if (stored == null) {
            return DenyState.empty();
        }
        try {
            StoredSnapshot s = StoredSnapshot.decode(stored);
            return DenyState.of(s.snapshot(), s.local(), s.notes());
        } catch (IOException e) {
            files.quarantine(e.getMessage());
            Logger.error("the deny list in {} could not be read ({}); starting EMPTY until the operator's next "
                    + "snapshot arrives", files.dir(), e.getMessage());
            return DenyState.empty();
        }
    }

    /** {@code state} with the logged deltas applied; the log is cut at a torn record or a delta that does not fit. */
    static DenyState replay(DenyListFiles files, DenyState state) throws IOException {
        List<DenyListFiles.LoggedDelta> logged = files.readLog();
        for (DenyListFiles.LoggedDelta ld : logged) {
            if (!state.local && ld.delta().version() <= state.version) {
                continue; // applied before the snapshot was written (a compaction cut short before the log was emptied)
            }
            try {
                state = state.with(ld.delta());
            } catch (DenyListGapException e) {
                Logger.warn("deny list delta log {}: {}; the log is cut there", files.dir(), e.getMessage());
                files.truncateLog(ld.start());
                break;
            }
        }
        return state;
    }
}
