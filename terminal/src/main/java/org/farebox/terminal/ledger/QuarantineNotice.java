package org.farebox.terminal.ledger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A ledger file that would not open was moved aside (never deleted) and a fresh one created. */
public record QuarantineNotice(Path ledgerFile, Path quarantinedAs, List<Path> movedFiles, String reason,
        Instant time) {

    public QuarantineNotice {
        movedFiles = List.copyOf(movedFiles);
    }
}
