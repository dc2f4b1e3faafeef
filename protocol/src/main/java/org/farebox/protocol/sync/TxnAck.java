package org.farebox.protocol.sync;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;

/**
 * The clearing host's answer to a batch, on the terminal's {@code ack} topic: the rows
 * {@code firstSeq..lastSeq} are durably in clearing's hands (stored now, stored before, or kept
 * in quarantine with a finding), so the terminal may mark them cleared.
 */
public record TxnAck(String terminalId, long firstSeq, long lastSeq, Result result, int stored, int duplicates,
        String detail) {

    public static final String FORMAT = "farebox-txn-ack/1";
    public static final int MAX_BYTES = 16 * 1024;

    /** What clearing did with the batch. */
    public enum Result {
        /** Every row is stored (some may have been stored before: see duplicates). */
        STORED,
        /** The batch could not be read as rows; its bytes are kept in quarantine with a finding. */
        QUARANTINED
    }

    public byte[] encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("terminal", terminalId);
        m.put("first_seq", firstSeq);
        m.put("last_seq", lastSeq);
        m.put("result", result.name().toLowerCase());
        m.put("stored", (long) stored);
        m.put("duplicates", (long) duplicates);
        m.put("detail", detail);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    public static TxnAck decode(byte[] payload) throws SyncFormatException {
        if (payload.length > MAX_BYTES) {
            throw new SyncFormatException("ack of " + payload.length + " bytes is over the " + MAX_BYTES + "-byte limit");
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new SyncFormatException("ack is not JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new SyncFormatException("ack: 'format' must be " + FORMAT);
        }
        JsonFields f = new JsonFields(m, "ack");
        String terminal = Topics.requireIdOr(f.string("terminal", 32), "ack: terminal");
        long first = f.number("first_seq");
        long last = f.number("last_seq");
        if (first < 1 || last < first) {
            throw new SyncFormatException("ack: sequence range " + first + ".." + last + " is empty or negative");
        }
        Result result;
        try {
            result = Result.valueOf(f.string("result", 16).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new SyncFormatException("ack: unknown result '" + m.get("result") + "'");
        }
        return new TxnAck(terminal, first, last, result, f.int32("stored"), f.int32("duplicates"),
                f.string("detail", 1024));
    }
}
