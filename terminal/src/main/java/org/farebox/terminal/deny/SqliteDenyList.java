package org.farebox.terminal.deny;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.tinylog.Logger;

/**
 * The deny list in its own SQLite file (WAL), looked up by primary key. A replacement is one
 * transaction on a second connection, so lookups keep answering from the old list while a new one
 * loads and see the new one whole once it commits. Thread-safe.
 */
public final class SqliteDenyList implements DenyList, AutoCloseable {

    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final PreparedStatement lookup;
    private final Object writeLock = new Object();
    private volatile long size;
    private volatile boolean closed;

    private SqliteDenyList(Path file, Connection writer, Connection reader) throws SQLException {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.lookup = reader.prepareStatement("SELECT reason FROM denied WHERE card_serial = ?");
        this.size = count();
    }

    /** Opens or creates the deny list file; refuses a file of a newer schema. */
    public static SqliteDenyList open(Path file) {
        Path absolute = file.toAbsolutePath();
        Connection writer = null;
        Connection reader = null;
        try {
            Files.createDirectories(absolute.getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(5000);
            writer = config.createConnection("jdbc:sqlite:" + absolute);
            prepareSchema(writer, absolute);
            reader = config.createConnection("jdbc:sqlite:" + absolute);
            SqliteDenyList list = new SqliteDenyList(absolute, writer, reader);
            Logger.info("Deny list {} open: {} cards", absolute, list.size);
            return list;
        } catch (SQLException | IOException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw new IllegalStateException("cannot open deny list " + absolute + ": " + e.getMessage()
                    + ". Move the file away to start with an empty list, then reload it from the operator.", e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw e;
        }
    }

    private static void prepareSchema(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new IllegalStateException("deny list " + file + " has schema version " + version
                        + ", newer than this software knows (" + SCHEMA_VERSION + "); the file was left untouched");
            }
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            if (version < SCHEMA_VERSION) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("CREATE TABLE denied (card_serial TEXT PRIMARY KEY, reason TEXT NOT NULL) "
                        + "STRICT, WITHOUT ROWID");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            }
        }
    }

    @Override
    public Optional<String> reason(String cardSerial) {
        Objects.requireNonNull(cardSerial, "cardSerial");
        try {
            synchronized (lookup) {
                ensureOpen();
                lookup.setString(1, cardSerial);
                try (ResultSet rs = lookup.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deny list lookup failed in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size() {
        ensureOpen();
        return size;
    }

    /**
     * Replaces the whole list from a text file (format in {@link DenyListText}) in one transaction.
     * A malformed line throws {@link DenyListFormatException} naming it, and the list stays as it was.
     *
     * @return the number of cards now denied
     */
    public int replaceFromFile(Path textFile) throws IOException {
        Map<String, String> entries = DenyListText.parse(textFile);
        int count = replaceAll(entries);
        Logger.info("Deny list replaced from {}: {} cards", textFile, count);
        return count;
    }

    /**
     * Replaces the whole list (serial → reason, "" for none) in one transaction; a malformed entry
     * throws IllegalArgumentException and the list stays as it was.
     *
     * @return the number of cards now denied
     */
    public int replaceAll(Map<String, String> entries) {
        entries.forEach((serial, reason) -> {
            String problem = serial == null || reason == null ? "null serial or reason"
                    : DenyListText.problem(serial, reason);
            if (problem != null) {
                throw new IllegalArgumentException("deny list entry " + serial + ": " + problem);
            }
        });
        synchronized (writeLock) {
            ensureOpen();
            return replace(entries);
        }
    }

    private int replace(Map<String, String> entries) {
        try (Statement s = writer.createStatement();
                PreparedStatement insert = writer.prepareStatement(
                        "INSERT INTO denied (card_serial, reason) VALUES (?, ?)")) {
            s.execute("BEGIN IMMEDIATE");
            try {
                s.execute("DELETE FROM denied");
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    insert.setString(1, e.getKey());
                    insert.setString(2, e.getValue());
                    insert.executeUpdate();
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                rollbackQuietly(s);
                throw e;
            }
            size = entries.size();
            return entries.size();
        } catch (SQLException e) {
            throw new IllegalStateException("replacing the deny list in " + file + " failed, the old list is kept: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (lookup) {
                if (!closed) {
                    closed = true;
                    closeQuietly(lookup);
                    closeQuietly(reader);
                    closeQuietly(writer);
                }
            }
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            Logger.debug("rollback after a failed deny list load: {}", e.getMessage());
        }
    }

    private long count() throws SQLException {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM denied")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("deny list " + file + " is closed");
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            Logger.warn("closing {} failed: {}", c, e.getMessage());
        }
    }
}
