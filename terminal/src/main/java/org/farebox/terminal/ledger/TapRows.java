package org.farebox.terminal.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The taps table: column order, row mapping, and the statements of the append path, kept prepared. */
final class TapRows implements AutoCloseable {

    static final String COLUMNS = "sequence, terminal_id, time_ms, card_serial, card_type, rider_category, amount_fen, "
            + "balance_before_fen, balance_after_fen, card_counter, psam_terminal_no, psam_serial, tac, mac2, "
            + "transaction_type, fare_table_version, route, stop, outcome, state, detail, prev_hash, hash";
    /** Every row of every terminal, in chain order. */
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM taps ORDER BY terminal_id, sequence";

    private final PreparedStatement insert;
    private final PreparedStatement head;
    private final PreparedStatement range;

    TapRows(Connection c) throws SQLException {
        insert = c.prepareStatement("INSERT INTO taps (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        head = c.prepareStatement(
                "SELECT sequence, hash FROM taps WHERE terminal_id = ? ORDER BY sequence DESC LIMIT 1");
        range = c.prepareStatement("SELECT " + COLUMNS + " FROM taps WHERE terminal_id = ? AND sequence >= ? "
                + "ORDER BY sequence LIMIT ?");
    }

    /** Chains the draft onto the terminal's last row and inserts it; call inside a write transaction. */
    TapRecord append(String terminalId, TapRecord draft) throws SQLException {
        long lastSequence = 0;
        String lastHash = CanonicalRow.GENESIS_PREV_HASH;
        head.setString(1, terminalId);
        try (ResultSet rs = head.executeQuery()) {
            if (rs.next()) {
                lastSequence = rs.getLong(1);
                lastHash = rs.getString(2);
            }
        }
        TapRecord unhashed = draft.chained(terminalId, lastSequence + 1, lastHash, "");
        TapRecord row = unhashed.chained(terminalId, lastSequence + 1, lastHash, CanonicalRow.hash(lastHash, unhashed));
        bind(insert, row);
        insert.executeUpdate();
        return row;
    }

    List<TapRecord> range(String terminalId, long fromSequence, int limit) throws SQLException {
        range.setString(1, terminalId);
        range.setLong(2, fromSequence);
        range.setInt(3, limit);
        List<TapRecord> rows = new ArrayList<>();
        try (ResultSet rs = range.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    static void bind(PreparedStatement p, TapRecord r) throws SQLException {
        p.setLong(1, r.sequence());
        p.setString(2, r.terminalId());
        p.setLong(3, r.time().toEpochMilli());
        p.setString(4, r.cardSerial());
        p.setInt(5, r.cardType());
        p.setString(6, r.riderCategory());
        p.setLong(7, r.amountFen());
        p.setLong(8, r.balanceBeforeFen());
        p.setLong(9, r.balanceAfterFen());
        p.setInt(10, r.cardCounter());
        p.setString(11, r.psamTerminalNo());
        p.setLong(12, r.psamSerial());
        p.setString(13, r.tac());
        p.setString(14, r.mac2());
        p.setInt(15, r.transactionType());
        p.setLong(16, r.fareTableVersion());
        p.setString(17, r.route());
        p.setString(18, r.stop());
        p.setString(19, r.outcome().name());
        p.setString(20, r.state().name());
        p.setString(21, r.detail());
        p.setString(22, r.prevHash());
        p.setString(23, r.hash());
    }

    /** Maps a row selected with {@link #COLUMNS}; an unknown enum name throws IllegalArgumentException. */
    static TapRecord read(ResultSet rs) throws SQLException {
        return new TapRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10),
                rs.getString(11), rs.getLong(12), rs.getString(13), rs.getString(14), rs.getInt(15), rs.getLong(16),
                rs.getString(17), rs.getString(18), Outcome.valueOf(rs.getString(19)),
                SettlementState.valueOf(rs.getString(20)), rs.getString(21), rs.getString(22), rs.getString(23));
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        head.close();
        range.close();
    }
}
