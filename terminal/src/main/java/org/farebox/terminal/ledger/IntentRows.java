package org.farebox.terminal.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The intents table: row mapping and its statements, kept prepared. */
final class IntentRows implements AutoCloseable {

    private static final String COLUMNS = "id, state, created_at_ms, expires_at_ms, terminal_id, card_serial, "
            + "card_type, rider_category, amount_fen, balance_before_fen, init_counter, key_version, algorithm_id, "
            + "transaction_type, card_random, psam_terminal_no, psam_serial, date_time, fare_table_version, route, "
            + "stop, journey_image, tac, mac2";

    private final PreparedStatement insert;
    private final PreparedStatement lastId;
    private final PreparedStatement byId;
    private final PreparedStatement open;
    private final PreparedStatement debited;
    private final PreparedStatement uncertain;
    private final PreparedStatement delete;

    IntentRows(Connection c) throws SQLException {
        String insertColumns = COLUMNS.substring("id, ".length());
        insert = c.prepareStatement("INSERT INTO intents (" + insertColumns + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        lastId = c.prepareStatement("SELECT last_insert_rowid()");
        byId = c.prepareStatement("SELECT " + COLUMNS + " FROM intents WHERE id = ?");
        open = c.prepareStatement("SELECT " + COLUMNS + " FROM intents ORDER BY id");
        debited = c.prepareStatement("UPDATE intents SET state = 'DEBITED', tac = ?, mac2 = ? WHERE id = ?");
        uncertain = c.prepareStatement("UPDATE intents SET state = 'UNCERTAIN', expires_at_ms = ? WHERE id = ?");
        delete = c.prepareStatement("DELETE FROM intents WHERE id = ?");
    }

    long insert(PurchaseIntent i) throws SQLException {
        insert.setString(1, i.state().name());
        insert.setLong(2, i.createdAt().toEpochMilli());
        if (i.expiresAt() == null) {
            insert.setNull(3, Types.INTEGER);
        } else {
            insert.setLong(3, i.expiresAt().toEpochMilli());
        }
        insert.setString(4, i.terminalId());
        insert.setString(5, i.cardSerial());
        insert.setInt(6, i.cardType());
        insert.setString(7, i.riderCategory());
        insert.setLong(8, i.amountFen());
        insert.setLong(9, i.balanceBeforeFen());
        insert.setInt(10, i.initCounter());
        insert.setInt(11, i.keyVersion());
        insert.setInt(12, i.algorithmId());
        insert.setInt(13, i.transactionType());
        insert.setString(14, i.cardRandom());
        insert.setString(15, i.psamTerminalNo());
        insert.setLong(16, i.psamSerial());
        insert.setString(17, i.dateTime());
        insert.setLong(18, i.fareTableVersion());
        insert.setString(19, i.route());
        insert.setString(20, i.stop());
        insert.setString(21, i.journeyImage());
        insert.setString(22, i.tac());
        insert.setString(23, i.mac2());
        insert.executeUpdate();
        try (ResultSet keys = lastId.executeQuery()) {
            if (!keys.next()) {
                throw new SQLException("SQLite returned no id for the new intent");
            }
            return keys.getLong(1);
        }
    }

    Optional<PurchaseIntent> find(long id) throws SQLException {
        byId.setLong(1, id);
        try (ResultSet rs = byId.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    List<PurchaseIntent> open() throws SQLException {
        List<PurchaseIntent> all = new ArrayList<>();
        try (ResultSet rs = open.executeQuery()) {
            while (rs.next()) {
                all.add(read(rs));
            }
        }
        return all;
    }

    /** Returns false when there is no such intent. */
    boolean markDebited(long id, String tac, String mac2) throws SQLException {
        debited.setString(1, tac);
        debited.setString(2, mac2);
        debited.setLong(3, id);
        return debited.executeUpdate() == 1;
    }

    void markUncertain(long id, Instant expiresAt) throws SQLException {
        uncertain.setLong(1, expiresAt.toEpochMilli());
        uncertain.setLong(2, id);
        uncertain.executeUpdate();
    }

    void delete(long id) throws SQLException {
        delete.setLong(1, id);
        delete.executeUpdate();
    }

    private static PurchaseIntent read(ResultSet rs) throws SQLException {
        long expires = rs.getLong(4);
        Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        return new PurchaseIntent(rs.getLong(1), IntentState.valueOf(rs.getString(2)),
                Instant.ofEpochMilli(rs.getLong(3)), expiresAt, rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                rs.getInt(14), rs.getString(15), rs.getString(16), rs.getLong(17), rs.getString(18), rs.getLong(19),
                rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24));
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement p : List.of(insert, lastId, byId, open, debited, uncertain, delete)) {
            p.close();
        }
    }
}
