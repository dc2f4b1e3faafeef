package org.farebox.terminal.status;

import java.time.Instant;

/** An operator message the terminal refused: when, on which topic, why (a RejectReason name), and the version if known (0 if not). */
public record RejectionNote(Instant at, String topic, String kind, String reason, String detail, long version) {
}
