package org.farebox.protocol.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    public byte[] encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("operator", operator);
        m.put("terminal", terminalId);
        m.put("first_seq", firstSeq());
        m.put("last_seq", lastSeq());
        List<Object> list = new ArrayList<>(rows.size());
        for (TxnRow r : rows) {
            list.add(rowToJson(r));
        }
        m.put("rows", list);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> rowToJson(TxnRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.sequence());
        m.put("time", r.timeMillis());
        m.put("card", r.cardSerial());
        m.put("card_type", (long) r.cardType());
        m.put("rider", r.riderCategory());
        m.put("amount_fen", r.amountFen());
        m.put("balance_before_fen", r.balanceBeforeFen());
        m.put("balance_after_fen", r.balanceAfterFen());
        m.put("counter", (long) r.cardCounter());
        m.put("psam_tno", r.psamTerminalNo());
        m.put("psam_serial", r.psamSerial());
        m.put("tac", r.tac());
        m.put("mac2", r.mac2());
        m.put("txn_type", (long) r.transactionType());
        m.put("fare_version", r.fareTableVersion());
        m.put("route", r.route());
        m.put("stop", r.stop());
        m.put("outcome", r.outcome());
        m.put("state", r.state());
        m.put("detail", r.detail());
        m.put("prev_hash", r.prevHash());
        m.put("hash", r.hash());
        return m;
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
