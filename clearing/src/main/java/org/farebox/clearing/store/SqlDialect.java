package org.farebox.clearing.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The few places where SQLite and PostgreSQL differ for the clearing store: column types, how a
 * connection is opened, how a writing transaction starts, and which errors are worth a retry.
 * Everything else (including {@code INSERT … ON CONFLICT DO NOTHING}) is the same SQL.
 */
enum SqlDialect {
    SQLITE("INTEGER PRIMARY KEY", "BLOB"),
    POSTGRES("BIGSERIAL PRIMARY KEY", "BYTEA");

    /** How long an SQLite writer waits for another (process) to finish its transaction. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    final String serialKey;
    final String blob;

    SqlDialect(String serialKey, String blob) {
        this.serialKey = serialKey;
        this.blob = blob;
    }

    static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("unsupported store " + jdbcUrl + ": use jdbc:sqlite:FILE or jdbc:postgresql:…");
    }

    Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        if (this == SQLITE) {
            createParentFolder(jdbcUrl);
            // WAL: readers (reports) never block the writer; FULL: a commit is on disk before we ack it;
            // busy_timeout: a second clearing process on the same file waits its turn instead of failing.
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
            return DriverManager.getConnection(jdbcUrl, config.toProperties());
        }
        Properties p = new Properties();
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl, p);
    }

    /**
     * Starts a writing transaction. SQLite: BEGIN IMMEDIATE takes the write lock now, so two processes
     * serialize here (waiting up to the busy timeout) instead of failing later when a read turns into a
     * write. The connection stays in auto-commit mode and the transaction is ours to end.
     */
    void begin(Connection c) throws SQLException {
        if (this == SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        } else {
            c.setAutoCommit(false);
        }
    }

    void commit(Connection c) throws SQLException {
        if (this == SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        } else {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Ends the transaction without its changes; on SQLite a ROLLBACK without one fails harmlessly. */
    void rollbackQuietly(Connection c) {
        try {
            if (this == SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
            } else {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // No transaction was open, or the connection is broken (the store reopens it).
        }
    }

    /** Lock contention, deadlock or serialization failure: the same transaction may succeed if tried again. */
    boolean isTransient(SQLException e) {
        if (this == SQLITE) {
            int code = e.getErrorCode() & 0xff;
            return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("40001") || state.equals("40P01") || state.startsWith("08");
    }

    private static void createParentFolder(String jdbcUrl) throws SQLException {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder " + parent + " for the SQLite store: " + e.getMessage(), e);
        }
    }
}
