package org.farebox.terminal.status;

import java.time.Instant;
import java.util.Optional;

/** Versions of what the operator sends that the terminal runs; 0 means none received. */
public record UpdateVersions(long fareTable, Optional<Long> fareTableStaged, Optional<Instant> stagedValidFrom,
        long denyList, long keys, long commands) {
}
