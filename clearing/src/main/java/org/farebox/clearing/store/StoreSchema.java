package org.farebox.clearing.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The clearing store's tables, the same on SQLite and PostgreSQL but for the id and blob column
 * types. Times are epoch milliseconds (BIGINT), the one time type both databases read the same way.
 * Version 2 added {@code adjustments} (re-rating of account days); a version-1 store is migrated on open.
 */
final class StoreSchema {
    static final int VERSION = 2;

    private StoreSchema() {
    }

    static String[] statements(SqlDialect d) {
        return new String[] {
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
            // One row per terminal: the operator it belongs to and its counters. Storing a batch updates
            // it first, which on PostgreSQL locks it: batches of one terminal are checked one at a time.
            "CREATE TABLE IF NOT EXISTS terminals (terminal_id VARCHAR(32) PRIMARY KEY, operator VARCHAR(32) NOT NULL,"
                    + " rows_stored BIGINT NOT NULL, duplicates_dropped BIGINT NOT NULL, batches BIGINT NOT NULL,"
                    + " first_batch_at BIGINT NOT NULL, last_batch_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS txn_rows (terminal_id VARCHAR(32) NOT NULL, seq BIGINT NOT NULL,"
                    + " time_millis BIGINT NOT NULL, card_serial TEXT NOT NULL, card_type INTEGER NOT NULL,"
                    + " rider TEXT NOT NULL, amount_fen BIGINT NOT NULL, balance_before_fen BIGINT NOT NULL,"
                    + " balance_after_fen BIGINT NOT NULL, card_counter INTEGER NOT NULL, psam_tno TEXT NOT NULL,"
                    + " psam_serial BIGINT NOT NULL, tac TEXT NOT NULL, mac2 TEXT NOT NULL, txn_type INTEGER NOT NULL,"
                    + " fare_version BIGINT NOT NULL, route TEXT NOT NULL, stop TEXT NOT NULL, outcome TEXT NOT NULL,"
                    + " state TEXT NOT NULL, detail TEXT NOT NULL, prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL,"
                    + " hash_ok INTEGER NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (terminal_id, seq))",
            "CREATE INDEX IF NOT EXISTS txn_rows_by_time ON txn_rows (time_millis)",
            "CREATE TABLE IF NOT EXISTS findings (id " + d.serialKey + ", terminal_id VARCHAR(32) NOT NULL,"
                    + " kind VARCHAR(24) NOT NULL, first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL,"
                    + " detail TEXT NOT NULL, found_at BIGINT NOT NULL, resolved_at BIGINT)",
            "CREATE INDEX IF NOT EXISTS findings_by_terminal ON findings (terminal_id, kind, resolved_at)",
            "CREATE TABLE IF NOT EXISTS quarantine (id " + d.serialKey + ", topic TEXT NOT NULL,"
                    + " terminal_id VARCHAR(32) NOT NULL, error TEXT NOT NULL, payload_length BIGINT NOT NULL,"
                    + " payload " + d.blob + " NOT NULL, received_at BIGINT NOT NULL)",
            ADJUSTMENTS,
            ADJUSTMENTS_INDEX,
        };
    }

    // Version 2. One row per re-rated leg whose price changed; keyed by the ledger row it re-rates, so re-rating
    // again replaces rather than adds. transport_day is ISO YYYY-MM-DD text: it sorts and compares as a date.
    static final String ADJUSTMENTS = "CREATE TABLE IF NOT EXISTS adjustments (account_id TEXT NOT NULL,"
            + " transport_day CHAR(10) NOT NULL, leg_seq INTEGER NOT NULL, terminal_id VARCHAR(32) NOT NULL,"
            + " row_seq BIGINT NOT NULL, time_millis BIGINT NOT NULL, charged_fen BIGINT NOT NULL,"
            + " rerated_fen BIGINT NOT NULL, difference_fen BIGINT NOT NULL, reason TEXT NOT NULL,"
            + " fare_version BIGINT NOT NULL, rerated_at BIGINT NOT NULL,"
            + " PRIMARY KEY (account_id, terminal_id, row_seq))";
    static final String ADJUSTMENTS_INDEX =
            "CREATE INDEX IF NOT EXISTS adjustments_by_day ON adjustments (transport_day, account_id)";

    /** Creates what is missing (inside the caller's transaction) and checks the version. */
    static void apply(Connection c, SqlDialect d) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (d == SqlDialect.POSTGRES) {
                // Two hosts starting at once would race on CREATE TABLE IF NOT EXISTS (it is not atomic there).
                s.execute("SELECT pg_advisory_xact_lock(7243101)");
            }
            for (String sql : statements(d)) {
                s.execute(sql);
            }
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                r.next();
                int version = r.getInt(1);
                if (r.wasNull()) {
                    s.execute("INSERT INTO schema_version (version) VALUES (" + VERSION + ")");
                } else if (version > VERSION) {
                    throw new StoreException("the store has schema version " + version + ", newer than this "
                            + "farebox-clearing (" + VERSION + "): upgrade farebox-clearing");
                } else if (version < VERSION) {
                    // Every migration so far only adds tables, which statements() created above (IF NOT EXISTS).
                    s.execute("UPDATE schema_version SET version = " + VERSION);
                }
            }
        }
    }
}
