package org.farebox.clearing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of account rows and re-rating adjustments, the same on SQLite and PostgreSQL. */
final class AdjustmentsTable {
    private static final String COLUMNS = "account_id, transport_day, leg_seq, terminal_id, row_seq, time_millis,"
            + " charged_fen, rerated_fen, difference_fen, reason, fare_version";

    private AdjustmentsTable() {
    }

    static List<AccountRow> accountRows(Connection c, Instant from, Instant to) throws SQLException {
        List<AccountRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT card_serial, terminal_id, seq, time_millis, route, stop,"
                + " rider, amount_fen, fare_version FROM txn_rows WHERE card_type = ? AND outcome = 'PAID'"
                + " AND time_millis >= ? AND time_millis < ? ORDER BY time_millis, terminal_id, seq")) {
            p.setInt(1, AccountRow.ACCOUNT_CARD_TYPE);
            p.setLong(2, from.toEpochMilli());
            p.setLong(3, to.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new AccountRow(r.getString(1), r.getString(2), r.getLong(3),
                            Instant.ofEpochMilli(r.getLong(4)), r.getString(5), r.getString(6), r.getString(7),
                            r.getLong(8), r.getLong(9)));
                }
            }
        }
        return out;
    }

    static AdjustmentWrite replace(Connection c, String account, LocalDate day, List<AdjustmentRecord> records,
            Instant now) throws SQLException {
        Map<String, AdjustmentRecord> stored = new HashMap<>();
        for (AdjustmentRecord a : select(c, Optional.of(day), Optional.of(account))) {
            stored.put(a.terminalId() + "#" + a.rowSeq(), a);
        }
        int inserted = 0;
        int unchanged = 0;
        for (AdjustmentRecord a : records) {
            if (!a.accountId().equals(account) || !a.transportDay().equals(day)) {
                throw new IllegalArgumentException("adjustment for " + a.accountId() + " " + a.transportDay()
                        + " given with " + account + " " + day);
            }
            AdjustmentRecord old = stored.remove(a.terminalId() + "#" + a.rowSeq());
            if (a.equals(old)) {
                unchanged++;
                continue;
            }
            if (old != null) {
                delete(c, old);
            }
            insert(c, a, now);
            inserted++;
        }
        for (AdjustmentRecord gone : stored.values()) {
            delete(c, gone);
        }
        return new AdjustmentWrite(inserted, unchanged, stored.size());
    }

    static List<AdjustmentRecord> select(Connection c, Optional<LocalDate> day, Optional<String> account)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM adjustments WHERE 1 = 1"
                + (day.isPresent() ? " AND transport_day = ?" : "") + (account.isPresent() ? " AND account_id = ?" : "")
                + " ORDER BY transport_day, account_id, leg_seq";
        List<AdjustmentRecord> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            if (day.isPresent()) {
                p.setString(i++, day.get().toString());
            }
            if (account.isPresent()) {
                p.setString(i, account.get());
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new AdjustmentRecord(r.getString(1), LocalDate.parse(r.getString(2).trim()), r.getInt(3),
                            r.getString(4), r.getLong(5), Instant.ofEpochMilli(r.getLong(6)), r.getLong(7),
                            r.getLong(8), r.getString(10), r.getLong(11)));
                }
            }
        }
        return out;
    }

    private static void insert(Connection c, AdjustmentRecord a, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO adjustments (" + COLUMNS + ", rerated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, a.accountId());
            p.setString(2, a.transportDay().toString());
            p.setInt(3, a.legSeq());
            p.setString(4, a.terminalId());
            p.setLong(5, a.rowSeq());
            p.setLong(6, a.time().toEpochMilli());
            p.setLong(7, a.chargedFen());
            p.setLong(8, a.reratedFen());
            p.setLong(9, a.differenceFen());
            p.setString(10, a.reason());
            p.setLong(11, a.fareVersion());
            p.setLong(12, now.toEpochMilli());
            p.executeUpdate();
        }
    }

    private static void delete(Connection c, AdjustmentRecord a) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM adjustments WHERE account_id = ? AND terminal_id = ? AND row_seq = ?")) {
            p.setString(1, a.accountId());
            p.setString(2, a.terminalId());
            p.setLong(3, a.rowSeq());
            p.executeUpdate();
        }
    }
}
