package org.farebox.terminal.deny;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.farebox.protocol.deny.DeniedCards;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;

/**
 * A technician's deny list (the text format of {@link DenyListText}) as a local snapshot: version 0, which
 * any signed snapshot replaces. A reason that names a {@link DenyReason} (e.g. {@code lost}) becomes that
 * code; any other text is kept as a note under {@link DenyReason#OPERATOR}, and a missing one is OPERATOR.
 */
final class LocalDenyList {
    private LocalDenyList() {
    }

    /** The local snapshot of {@code entries} (serial → reason text, "" for none); a bad entry throws IllegalArgumentException. */
    static StoredSnapshot of(Map<String, String> entries, Instant now) {
        Map<String, DenyReason> reasons = new HashMap<>(entries.size() * 2);
        Map<String, String> notes = new HashMap<>();
        entries.forEach((serial, text) -> {
            String problem = serial == null || text == null ? "null serial or reason" : DenyListText.problem(serial, text);
            if (problem != null) {
                throw new IllegalArgumentException("deny list entry " + serial + ": " + problem);
            }
            DenyReason reason = named(text);
            reasons.put(serial, reason != null ? reason : DenyReason.OPERATOR);
            if (reason == null && !text.isEmpty()) {
                notes.put(serial, text);
            }
        });
        DenyListSnapshot snapshot = new DenyListSnapshot(0, now, DeniedCards.of(reasons), Map.of());
        return new StoredSnapshot(snapshot, true, notes);
    }

    private static DenyReason named(String text) {
        for (DenyReason r : DenyReason.values()) {
            if (r.text().equalsIgnoreCase(text)) {
                return r;
            }
        }
        return null;
    }
}
