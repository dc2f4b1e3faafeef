package org.farebox.clearing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.farebox.protocol.sync.RowHash;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;

/**
 * Checks and writes one batch inside the caller's transaction. Every check is made against what is
 * stored, not against the order batches arrive in, so batches may come in any order and from several
 * clearing hosts: the terminal's row in {@code terminals} is locked first (PostgreSQL; SQLite holds
 * the whole database with BEGIN IMMEDIATE), so two batches of one terminal are checked one after the
 * other and each sees the other's rows.
 *
 * <p>Invariant kept for GAP findings: an open gap's range holds no stored row. A batch landing in a
 * gap resolves it and opens findings for what is still missing on either side.
 */
final class BatchWriter {
    private static final int MAX_RANGES_PER_FINDING_KIND = 20;
    private static final String INSERT_ROW = "INSERT INTO txn_rows (terminal_id, seq, time_millis, card_serial,"
            + " card_type, rider, amount_fen, balance_before_fen, balance_after_fen, card_counter, psam_tno,"
            + " psam_serial, tac, mac2, txn_type, fare_version, route, stop, outcome, state, detail, prev_hash, hash,"
            + " hash_ok, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    private record Link(String prevHash, String hash) {
    }

    private final Connection c;
    private final Instant now;
    private final List<Finding> findings = new ArrayList<>();

    BatchWriter(Connection c, Instant now) {
        this.c = c;
        this.now = now;
    }

    BatchResult write(TxnBatch batch) throws SQLException {
        String terminal = batch.terminalId();
        Optional<String> owner = lockTerminal(terminal, batch.operator());
        if (owner.isPresent()) {
            return BatchResult.refused("terminal " + terminal + " belongs to operator " + owner.get() + ", not "
                    + batch.operator());
        }
        long first = batch.firstSeq();
        long last = batch.lastSeq();
        Map<Long, Link> links = storedLinks(terminal, first - 1, last + 1);
        Map<Long, Boolean> isNew = new HashMap<>();
        List<Long> mismatches = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<Long> conflictSeqs = new ArrayList<>();
        int stored = 0;
        int duplicates = 0;
        List<TxnRow> fresh = new ArrayList<>();
        for (TxnRow row : batch.rows()) {
            Link before = links.get(row.sequence());
            if (before == null) {
                fresh.add(row);
                continue;
            }
            duplicates++;
            if (!before.hash().equals(row.hash())) {
                conflictSeqs.add(row.sequence());
                conflicts.add("seq " + row.sequence() + ": stored hash " + before.hash().substring(0, 16)
                        + "…, received " + row.hash().substring(0, 16) + "…");
            }
        }
        if (!fresh.isEmpty()) {
            int[] counts;
            boolean[] hashOk = new boolean[fresh.size()];
            try (PreparedStatement insert = c.prepareStatement(INSERT_ROW)) {
                for (int i = 0; i < fresh.size(); i++) {
                    hashOk[i] = fresh.get(i).hashIsConsistent();
                    bind(insert, fresh.get(i), hashOk[i]);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            for (int i = 0; i < fresh.size(); i++) {
                TxnRow row = fresh.get(i);
                if (counts[i] == 0) {
                    duplicates++; // cannot happen while the terminal is locked; counted right if it does
                    continue;
                }
                stored++;
                isNew.put(row.sequence(), true);
                links.put(row.sequence(), new Link(row.prevHash(), row.hash()));
                if (!hashOk[i]) {
                    mismatches.add(row.sequence());
                }
            }
        }
        List<Long> breaks = chainBreaks(batch, links, isNew);
        if (stored > 0) {
            refineGaps(terminal, first, last);
            openGapBelow(terminal, batch.rows().get(0), links);
        }
        record(terminal, FindingKind.HASH_MISMATCH, mismatches, "hash is not SHA-256 of the row's fields"
                + " (row stored, flagged hash_ok = 0)");
        record(terminal, FindingKind.CHAIN_BREAK, breaks, "prev_hash does not match the stored hash of the row before"
                + " (or the genesis hash for seq 1)");
        record(terminal, FindingKind.CONFLICT, conflictSeqs, "already stored with a different hash; the first row is"
                + " kept: " + String.join("; ", conflicts.subList(0, Math.min(5, conflicts.size()))));
        updateCounters(terminal, stored, duplicates);
        return new BatchResult(stored, duplicates, findings, Optional.empty());
    }

    /** Registers the terminal and locks its row; the owning operator when it is not {@code operator}. */
    private Optional<String> lockTerminal(String terminal, String operator) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO terminals (terminal_id, operator, rows_stored,"
                + " duplicates_dropped, batches, first_batch_at, last_batch_at) VALUES (?, ?, 0, 0, 0, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            p.setString(1, terminal);
            p.setString(2, operator);
            p.setLong(3, now.toEpochMilli());
            p.setLong(4, now.toEpochMilli());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE terminals SET batches = batches + 1, last_batch_at = ? WHERE terminal_id = ?")) {
            p.setLong(1, now.toEpochMilli());
            p.setString(2, terminal);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT operator FROM terminals WHERE terminal_id = ?")) {
            p.setString(1, terminal);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                String owner = r.getString(1);
                return owner.equals(operator) ? Optional.empty() : Optional.of(owner);
            }
        }
    }

    private Map<Long, Link> storedLinks(String terminal, long from, long to) throws SQLException {
        Map<Long, Link> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT seq, prev_hash, hash FROM txn_rows WHERE terminal_id = ? AND seq BETWEEN ? AND ?")) {
            p.setString(1, terminal);
            p.setLong(2, from);
            p.setLong(3, to);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), new Link(r.getString(2), r.getString(3)));
                }
            }
        }
        return out;
    }

    /** Seqs of rows whose link to the row before is wrong, for every link a new row takes part in. */
    private static List<Long> chainBreaks(TxnBatch batch, Map<Long, Link> links, Map<Long, Boolean> isNew) {
        List<Long> breaks = new ArrayList<>();
        for (TxnRow row : batch.rows()) {
            long seq = row.sequence();
            if (!isNew.containsKey(seq)) {
                continue;
            }
            Link before = links.get(seq - 1);
            String expected = seq == 1 ? RowHash.GENESIS_PREV_HASH : before == null ? null : before.hash();
            if (expected != null && !expected.equals(row.prevHash())) {
                breaks.add(seq);
            }
            Link after = links.get(seq + 1);
            if (after != null && !isNew.containsKey(seq + 1) && !after.prevHash().equals(row.hash())) {
                breaks.add(seq + 1);
            }
        }
        return breaks.stream().distinct().sorted().collect(Collectors.toList());
    }

    private void refineGaps(String terminal, long first, long last) throws SQLException {
        for (Finding gap : FindingsTable.openGapsOverlapping(c, terminal, first, last)) {
            FindingsTable.resolve(c, gap.id(), "rows " + Math.max(first, gap.firstSeq()) + "-"
                    + Math.min(last, gap.lastSeq()) + " arrived", now);
            if (gap.firstSeq() < first) {
                openGap(terminal, gap.firstSeq(), first - 1, "narrowed from finding #" + gap.id());
            }
            if (gap.lastSeq() > last) {
                openGap(terminal, last + 1, gap.lastSeq(), "narrowed from finding #" + gap.id());
            }
        }
    }

    /** A GAP below the batch when its first row's predecessor is missing and no open gap says so yet. */
    private void openGapBelow(String terminal, TxnRow firstRow, Map<Long, Link> links) throws SQLException {
        long first = firstRow.sequence();
        if (first == 1 || links.containsKey(first - 1)
                || !FindingsTable.openGapsOverlapping(c, terminal, first - 1, first - 1).isEmpty()) {
            return;
        }
        long from = 1;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT MAX(seq) FROM txn_rows WHERE terminal_id = ? AND seq < ?")) {
            p.setString(1, terminal);
            p.setLong(2, first);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    long below = r.getLong(1);
                    if (!r.wasNull()) {
                        from = below + 1;
                    }
                }
            }
        }
        openGap(terminal, from, first - 1, "rows before " + first + " have not arrived");
    }

    private void openGap(String terminal, long from, long to, String detail) throws SQLException {
        findings.add(FindingsTable.insert(c, terminal, FindingKind.GAP, from, to, detail, now));
    }

    private void record(String terminal, FindingKind kind, List<Long> seqs, String detail) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        List<SeqRanges.Range> ranges = SeqRanges.of(seqs);
        if (ranges.size() > MAX_RANGES_PER_FINDING_KIND) {
            findings.add(FindingsTable.insert(c, terminal, kind, seqs.get(0), seqs.get(seqs.size() - 1),
                    seqs.size() + " rows in " + ranges.size() + " runs (" + ranges.subList(0, 10) + "…): " + detail,
                    now));
            return;
        }
        for (SeqRanges.Range r : ranges) {
            findings.add(FindingsTable.insert(c, terminal, kind, r.first(), r.last(), detail, now));
        }
    }

    private void updateCounters(String terminal, int stored, int duplicates) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE terminals SET rows_stored = rows_stored + ?,"
                + " duplicates_dropped = duplicates_dropped + ? WHERE terminal_id = ?")) {
            p.setLong(1, stored);
            p.setLong(2, duplicates);
            p.setString(3, terminal);
            p.executeUpdate();
        }
    }

    private void bind(PreparedStatement p, TxnRow r, boolean hashOk) throws SQLException {
        int i = 1;
        p.setString(i++, r.terminalId());
        p.setLong(i++, r.sequence());
        p.setLong(i++, r.timeMillis());
        p.setString(i++, r.cardSerial());
        p.setInt(i++, r.cardType());
        p.setString(i++, r.riderCategory());
        p.setLong(i++, r.amountFen());
        p.setLong(i++, r.balanceBeforeFen());
        p.setLong(i++, r.balanceAfterFen());
        p.setInt(i++, r.cardCounter());
        p.setString(i++, r.psamTerminalNo());
        p.setLong(i++, r.psamSerial());
        p.setString(i++, r.tac());
        p.setString(i++, r.mac2());
        p.setInt(i++, r.transactionType());
        p.setLong(i++, r.fareTableVersion());
        p.setString(i++, r.route());
        p.setString(i++, r.stop());
        p.setString(i++, r.outcome());
        p.setString(i++, r.state());
        p.setString(i++, r.detail());
        p.setString(i++, r.prevHash());
        p.setString(i++, r.hash());
        p.setInt(i++, hashOk ? 1 : 0);
        p.setLong(i, now.toEpochMilli());
    }
}
