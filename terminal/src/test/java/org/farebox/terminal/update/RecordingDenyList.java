package org.farebox.terminal.update;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.deny.SqliteDenyList;

/**
 * A DenyListTarget for tests over the SqliteDenyList a TapProcessor reads, with a stand-in payload (one
 * {@code +serial,reason} or {@code -serial} per line, first line the version) until the deny-list binary format
 * is merged; the version and gap logic under test is the feed's, not the payload's.
 */
final class RecordingDenyList implements DenyListTarget {
    private final SqliteDenyList list;
    private final Map<String, String> entries = new LinkedHashMap<>();
    private long version;

    RecordingDenyList(SqliteDenyList list) {
        this.list = list;
    }

    static byte[] payload(long version, String... lines) {
        return (version + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized long version() {
        return version;
    }

    @Override
    public synchronized void applySnapshot(long v, byte[] payload) throws UpdateRejectedException {
        Map<String, String> next = new LinkedHashMap<>();
        apply(v, payload, next);
        entries.clear();
        entries.putAll(next);
        list.replaceAll(entries);
        version = v;
    }

    @Override
    public synchronized void applyDelta(long v, byte[] payload) throws UpdateRejectedException {
        Map<String, String> next = new LinkedHashMap<>(entries);
        apply(v, payload, next);
        entries.clear();
        entries.putAll(next);
        list.replaceAll(entries);
        version = v;
    }

    private static void apply(long v, byte[] payload, Map<String, String> into) throws UpdateRejectedException {
        String[] lines = new String(payload, StandardCharsets.UTF_8).split("\n");
        if (!lines[0].equals(Long.toString(v))) {
            throw new UpdateRejectedException(RejectReason.INVALID_PAYLOAD, "payload version " + lines[0] + " is not " + v);
        }
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("+") && l.length() > 21) {
                into.put(l.substring(1, 21), l.substring(Math.min(l.length(), 22)));
            } else if (l.startsWith("-") && l.length() == 21) {
                into.remove(l.substring(1));
            } else {
                throw new UpdateRejectedException(RejectReason.INVALID_PAYLOAD, "bad line " + i + " (truncated?)");
            }
        }
    }
}
