package org.farebox.terminal.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.tinylog.Logger;

/**
 * The ledger's schema as an ordered list of migrations; {@code PRAGMA user_version} is the number of
 * the last one applied. Each migration runs in its own transaction together with its version bump.
 */
final class LedgerSchema {

    /** "FBLG": marks the file as a Farebox ledger in the SQLite header. */
    static final int APPLICATION_ID = 0x46424C47;

    private record Migration(int version, String description, List<String> statements) {
    }

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "taps and purchase intents", List.of(
                    "PRAGMA application_id = " + APPLICATION_ID,
                    """
                    CREATE TABLE taps (
                      terminal_id TEXT NOT NULL,
                      sequence INTEGER NOT NULL CHECK (sequence >= 1),
                      time_ms INTEGER NOT NULL,
                      card_serial TEXT NOT NULL,
                      card_type INTEGER NOT NULL,
                      rider_category TEXT NOT NULL,
                      amount_fen INTEGER NOT NULL,
                      balance_before_fen INTEGER NOT NULL,
                      balance_after_fen INTEGER NOT NULL,
                      card_counter INTEGER NOT NULL,
                      psam_terminal_no TEXT NOT NULL,
                      psam_serial INTEGER NOT NULL,
                      tac TEXT NOT NULL,
                      mac2 TEXT NOT NULL,
                      transaction_type INTEGER NOT NULL,
                      fare_table_version INTEGER NOT NULL,
                      route TEXT NOT NULL,
                      stop TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      state TEXT NOT NULL,
                      detail TEXT NOT NULL,
                      prev_hash TEXT NOT NULL,
                      hash TEXT NOT NULL,
                      PRIMARY KEY (terminal_id, sequence)
                    ) STRICT""",
                    """
                    CREATE TABLE intents (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      state TEXT NOT NULL,
                      created_at_ms INTEGER NOT NULL,
                      expires_at_ms INTEGER,
                      terminal_id TEXT NOT NULL,
                      card_serial TEXT NOT NULL,
                      card_type INTEGER NOT NULL,
                      rider_category TEXT NOT NULL,
                      amount_fen INTEGER NOT NULL,
                      balance_before_fen INTEGER NOT NULL,
                      init_counter INTEGER NOT NULL,
                      key_version INTEGER NOT NULL,
                      algorithm_id INTEGER NOT NULL,
                      transaction_type INTEGER NOT NULL,
                      card_random TEXT NOT NULL,
                      psam_terminal_no TEXT NOT NULL,
                      psam_serial INTEGER NOT NULL,
                      date_time TEXT NOT NULL,
                      fare_table_version INTEGER NOT NULL,
                      route TEXT NOT NULL,
                      stop TEXT NOT NULL,
                      journey_image TEXT NOT NULL,
                      tac TEXT NOT NULL,
                      mac2 TEXT NOT NULL
                    ) STRICT""")),
            new Migration(2, "append-only taps, PSAM serial indexes", List.of(
                    """
                    CREATE TRIGGER taps_append_only_update BEFORE UPDATE ON taps
                    BEGIN SELECT RAISE(ABORT, 'ledger taps are append-only: UPDATE rejected'); END""",
                    """
                    CREATE TRIGGER taps_append_only_delete BEFORE DELETE ON taps
                    BEGIN SELECT RAISE(ABORT, 'ledger taps are append-only: DELETE rejected'); END""",
                    "CREATE INDEX taps_by_psam ON taps (psam_terminal_no, psam_serial)",
                    "CREATE INDEX intents_by_psam ON intents (psam_terminal_no, psam_serial)")),
            // Keyed by terminal like the taps, so a ledger file that changes terminal id starts its new rows uncleared.
            new Migration(3, "cleared mark of the sync outbox", List.of(
                    """
                    CREATE TABLE sync_state (
                      terminal_id TEXT PRIMARY KEY,
                      cleared_through INTEGER NOT NULL CHECK (cleared_through >= 0),
                      cleared_at INTEGER NOT NULL
                    ) STRICT""",
                    """
                    CREATE TRIGGER sync_state_monotonic BEFORE UPDATE ON sync_state
                    WHEN NEW.cleared_through < OLD.cleared_through
                    BEGIN SELECT RAISE(ABORT, 'the cleared mark only moves forward'); END""",
                    """
                    CREATE TRIGGER sync_state_kept BEFORE DELETE ON sync_state
                    BEGIN SELECT RAISE(ABORT, 'the cleared mark is never deleted'); END""")));

    static final int LATEST_VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private LedgerSchema() {
    }

    /**
     * Refuses a file this code must not touch: newer schema, or some other application's database.
     * Reads only; call before anything writes to the file.
     */
    static int checkCompatible(Connection c, String fileName) throws SQLException {
        int version = pragmaInt(c, "user_version");
        int applicationId = pragmaInt(c, "application_id");
        if (version > LATEST_VERSION) {
            throw new LedgerException(fileName + " has ledger schema version " + version + " but this terminal "
                    + "software knows only up to " + LATEST_VERSION + "; the file was left untouched. Install the "
                    + "newer terminal software, or move the file away to start a new ledger.");
        }
        boolean foreign = applicationId != 0 && applicationId != APPLICATION_ID
                || applicationId == 0 && version == 0 && hasTables(c);
        if (foreign) {
            throw new LedgerException(fileName + " is an SQLite database of some other application (application_id "
                    + Integer.toHexString(applicationId) + ", schema version " + version + "); the file was left "
                    + "untouched. Check the ledger path.");
        }
        return version;
    }

    /** Applies every migration newer than {@code fromVersion}, each in its own transaction. */
    static void migrate(Connection c, int fromVersion, String fileName) throws SQLException {
        for (Migration m : MIGRATIONS) {
            if (m.version() <= fromVersion) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + m.version());
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    rollbackQuietly(s);
                    throw new LedgerException("migrating " + fileName + " to schema version " + m.version() + " ("
                            + m.description() + ") failed, the file stays at version " + (m.version() - 1) + ": "
                            + e.getMessage(), e);
                }
            }
            Logger.info("Ledger {} migrated to schema version {} ({})", fileName, m.version(), m.description());
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite already rolled back; the original error is the one worth reporting
        }
    }

    static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
