package org.farebox.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The baseline for the ledger: a plain SQLite table with the ledger's columns and pragmas (WAL,
 * synchronous FULL, 5 s busy timeout), one row inserted per BEGIN IMMEDIATE … COMMIT, like the ledger's
 * writes, but without the hash chain, triggers, indexes or checks.
 */
public final class RawSqliteTable implements AutoCloseable {
    private static final String HASH_A = "9f2c1e0a7b3d5f6e8c4a2b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f";
    private static final String HASH_B = "1f2e3d4c5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718";

    private final Connection connection;
    private final PreparedStatement begin;
    private final PreparedStatement insert;
    private final PreparedStatement commit;
    private long sequence;

    private RawSqliteTable(Connection connection) throws SQLException {
        this.connection = connection;
        this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
        this.insert = connection.prepareStatement("INSERT INTO raw_taps VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.commit = connection.prepareStatement("COMMIT");
    }

    public static RawSqliteTable open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("raw baseline could not switch to WAL");
                }
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("CREATE TABLE IF NOT EXISTS raw_taps (terminal_id TEXT, sequence INTEGER, time_ms INTEGER, "
                    + "card_serial TEXT, card_type INTEGER, rider_category TEXT, amount_fen INTEGER, "
                    + "balance_before_fen INTEGER, balance_after_fen INTEGER, card_counter INTEGER, "
                    + "psam_terminal_no TEXT, psam_serial INTEGER, tac TEXT, mac2 TEXT, transaction_type INTEGER, "
                    + "fare_table_version INTEGER, route TEXT, stop TEXT, outcome TEXT, state TEXT, detail TEXT, "
                    + "prev_hash TEXT, hash TEXT)");
            return new RawSqliteTable(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Inserts one row of a paid tap's size and commits it durably. */
    public void insertAndCommit() throws SQLException {
        long n = ++sequence;
        begin.execute();
        try {
            insert.setString(1, BenchTerminal.TERMINAL_ID);
            insert.setLong(2, n);
            insert.setLong(3, System.currentTimeMillis());
            insert.setString(4, "31045101990000000001");
            insert.setInt(5, 1);
            insert.setString(6, "adult");
            insert.setLong(7, 200);
            insert.setLong(8, 400_000_000L - 200 * n);
            insert.setLong(9, 400_000_000L - 200 * (n + 1));
            insert.setInt(10, (int) (n & 0xFFFF));
            insert.setString(11, "000051019999");
            insert.setLong(12, n);
            insert.setString(13, "0A1B2C3D");
            insert.setString(14, "4E5F6071");
            insert.setInt(15, 9);
            insert.setLong(16, 1);
            insert.setString(17, "101");
            insert.setString(18, "3");
            insert.setString(19, "PAID");
            insert.setString(20, "COMPLETE");
            insert.setString(21, "flat:101:adult");
            insert.setString(22, (n & 1) == 0 ? HASH_A : HASH_B);
            insert.setString(23, (n & 1) == 0 ? HASH_B : HASH_A);
            insert.executeUpdate();
            commit.execute();
        } catch (SQLException | RuntimeException e) {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // The original failure is the one worth reporting.
            }
            throw e;
        }
    }

    /** Rows written so far. */
    public long rows() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM raw_taps")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        begin.close();
        insert.close();
        commit.close();
        connection.close();
    }
}
