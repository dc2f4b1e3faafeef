package org.farebox.protocol.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;

/**
 * A batch of consecutive ledger rows of one terminal, as published on its {@code txn} topic.
 *
 * <p>Wire format: a UTF-8 JSON object {@code {"format":"farebox-txn-batch/1","operator":…,
 * "terminal":…,"first_seq":…,"last_seq":…,"rows":[…]}} where each row carries the fields of
 * {@link TxnRow} under the short names of {@link #rowToJson}. {@link #decode} checks the schema and
 * that the rows are consecutive and belong to the terminal; it does not check hashes (the clearing
 * host does, and records what it finds rather than dropping the batch).
 */
public record TxnBatch(String operator, String terminalId, List<TxnRow> rows) {

    public static final String FORMAT = "farebox-txn-batch/1";
    /** Larger batches are refused unread: a terminal never sends them, an attacker might. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    private static final int MAX_FIELD = 512;

    public TxnBatch {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one row");
        }
    }

    public long firstSeq() {
        return rows.get(0).sequence();
    }

    public long lastSeq() {
        return rows.get(rows.size() - 1).sequence();
    }

    /** "terminal:first-last", for logs. */
    public String label() {
        return terminalId + ":" + firstSeq() + "-" + lastSeq();
    }

    /**
     * The wire bytes. Written field by field rather than through maps and {@link Json#write}: this is the
     * uploader's inner loop (a week offline is a million rows), and the output is the same JSON.
     */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(160 + rows.size() * 560);
        sb.append("{\"format\":");
        Json.appendString(sb, FORMAT);
        sb.append(",\"operator\":");
        Json.appendString(sb, operator);
        sb.append(",\"terminal\":");
        Json.appendString(sb, terminalId);
        sb.append(",\"first_seq\":").append(firstSeq()).append(",\"last_seq\":").append(lastSeq())
                .append(",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendRow(sb, rows.get(i));
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRow(StringBuilder sb, TxnRow r) {
        sb.append("{\"seq\":").append(r.sequence());
        sb.append(",\"time\":").append(r.timeMillis());
        string(sb, "card", r.cardSerial());
        sb.append(",\"card_type\":").append(r.cardType());
        string(sb, "rider", r.riderCategory());
        sb.append(",\"amount_fen\":").append(r.amountFen());
        sb.append(",\"balance_before_fen\":").append(r.balanceBeforeFen());
        sb.append(",\"balance_after_fen\":").append(r.balanceAfterFen());
        sb.append(",\"counter\":").append(r.cardCounter());
        string(sb, "psam_tno", r.psamTerminalNo());
        sb.append(",\"psam_serial\":").append(r.psamSerial());
        string(sb, "tac", r.tac());
        string(sb, "mac2", r.mac2());
        sb.append(",\"txn_type\":").append(r.transactionType());
        sb.append(",\"fare_version\":").append(r.fareTableVersion());
        string(sb, "route", r.route());
        string(sb, "stop", r.stop());
        string(sb, "outcome", r.outcome());
        string(sb, "state", r.state());
        string(sb, "detail", r.detail());
        string(sb, "prev_hash", r.prevHash());
        string(sb, "hash", r.hash());
        sb.append('}');
    }

    private static void string(StringBuilder sb, String key, String value) {
        sb.append(",\"").append(key).append("\":");
        Json.appendString(sb, value);
    }

    /** Parses and checks a batch; every problem names the field (and row) at fault. */
    public static TxnBatch decode(byte[] payload) throws SyncFormatException {
        if (payload.length > MAX_BYTES) {
            throw new SyncFormatException("batch of " + payload.length + " bytes is over the " + MAX_BYTES + "-byte limit");
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new SyncFormatException("batch is not JSON: " + e.getMessage());
        }
        JsonFields f = new JsonFields(m, "batch");
        if (!FORMAT.equals(m.get("format"))) {
            throw new SyncFormatException("batch: 'format' must be " + FORMAT);
        }
        String operator = Topics.requireIdOr(f.string("operator", 32), "batch: operator");
        String terminal = Topics.requireIdOr(f.string("terminal", 32), "batch: terminal");
        long first = f.number("first_seq");
        long last = f.number("last_seq");
        List<Object> list = f.list("rows");
        if (list.isEmpty() || list.size() > MAX_ROWS) {
            throw new SyncFormatException("batch: 'rows' must hold 1 to " + MAX_ROWS + " rows, has " + list.size());
        }
        List<TxnRow> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            TxnRow row = rowFromJson(list.get(i), terminal, "batch row " + i);
            long expected = first + i;
            if (row.sequence() != expected) {
                throw new SyncFormatException("batch row " + i + ": seq " + row.sequence() + " where " + expected
                        + " was expected (rows must be consecutive from first_seq)");
            }
            rows.add(row);
        }
        if (rows.get(rows.size() - 1).sequence() != last) {
            throw new SyncFormatException("batch: last_seq " + last + " does not match the last row");
        }
        return new TxnBatch(operator, terminal, rows);
    }

    @SuppressWarnings("unchecked")
    private static TxnRow rowFromJson(Object value, String terminal, String where) throws SyncFormatException {
        if (!(value instanceof Map)) {
            throw new SyncFormatException(where + " is not an object");
        }
        JsonFields f = new JsonFields((Map<String, Object>) value, where);
        long seq = f.number("seq");
        if (seq < 1) {
            throw new SyncFormatException(where + ": seq must be ≥ 1");
        }
        String prev = f.string("prev_hash", 64);
        String hash = f.string("hash", 64);
        try {
            RowHash.parseHash(prev);
            RowHash.parseHash(hash);
        } catch (IllegalArgumentException e) {
            throw new SyncFormatException(where + ": " + e.getMessage());
        }
        return new TxnRow(seq, terminal, f.number("time"), f.string("card", MAX_FIELD), f.int32("card_type"),
                f.string("rider", MAX_FIELD), f.number("amount_fen"), f.number("balance_before_fen"),
                f.number("balance_after_fen"), f.int32("counter"), f.string("psam_tno", MAX_FIELD),
                f.number("psam_serial"), f.string("tac", MAX_FIELD), f.string("mac2", MAX_FIELD), f.int32("txn_type"),
                f.number("fare_version"), f.string("route", MAX_FIELD), f.string("stop", MAX_FIELD),
                f.string("outcome", 32), f.string("state", 32), f.string("detail", MAX_FIELD * 4), prev, hash);
    }
}
