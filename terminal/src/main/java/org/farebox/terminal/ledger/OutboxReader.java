package org.farebox.terminal.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The uploader's reads of the ledger, on a connection of their own: in WAL mode a reader never holds
 * the write lock, so reading a batch neither waits for a tap nor makes a tap wait (the writing
 * connection's Java monitor is not taken either). Not for writes: the connection is query_only.
 */
final class OutboxReader implements AutoCloseable {
    private final Connection connection;
    private final String terminalId;
    private final PreparedStatement after;
    private final PreparedStatement last;
    private final PreparedStatement mark;
    private final PreparedStatement timeOf;

    OutboxReader(Connection connection, String terminalId) throws SQLException {
        this.connection = connection;
        this.terminalId = terminalId;
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = 1");
        }
        after = connection.prepareStatement("SELECT " + TapRows.COLUMNS + " FROM taps WHERE terminal_id = ? "
                + "AND sequence > ? ORDER BY sequence LIMIT ?");
        last = connection.prepareStatement("SELECT coalesce(max(sequence), 0) FROM taps WHERE terminal_id = ?");
        mark = connection.prepareStatement("SELECT cleared_through, cleared_at FROM sync_state WHERE terminal_id = ?");
        timeOf = connection.prepareStatement("SELECT time_ms FROM taps WHERE terminal_id = ? AND sequence = ?");
    }

    synchronized List<TapRecord> rowsAfter(long sequence, int limit) throws SQLException {
        after.setString(1, terminalId);
        after.setLong(2, sequence);
        after.setInt(3, limit);
        List<TapRecord> rows = new ArrayList<>(Math.min(limit, 1024));
        try (ResultSet rs = after.executeQuery()) {
            while (rs.next()) {
                rows.add(TapRows.read(rs));
            }
        }
        return rows;
    }

    synchronized long clearedThrough() throws SQLException {
        mark.setString(1, terminalId);
        try (ResultSet rs = mark.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    synchronized Backlog backlog() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // one read transaction: the numbers describe the same moment
            s.execute("BEGIN");
            try {
                long lastSequence;
                last.setString(1, terminalId);
                try (ResultSet rs = last.executeQuery()) {
                    lastSequence = rs.next() ? rs.getLong(1) : 0;
                }
                long cleared = 0;
                Optional<Instant> clearedAt = Optional.empty();
                mark.setString(1, terminalId);
                try (ResultSet rs = mark.executeQuery()) {
                    if (rs.next()) {
                        cleared = rs.getLong(1);
                        clearedAt = Optional.of(Instant.ofEpochMilli(rs.getLong(2)));
                    }
                }
                Optional<Instant> oldest = Optional.empty();
                if (lastSequence > cleared) {
                    timeOf.setString(1, terminalId);
                    timeOf.setLong(2, cleared + 1);
                    try (ResultSet rs = timeOf.executeQuery()) {
                        if (rs.next()) {
                            oldest = Optional.of(Instant.ofEpochMilli(rs.getLong(1)));
                        }
                    }
                }
                return new Backlog(lastSequence, cleared, oldest, clearedAt);
            } finally {
                s.execute("COMMIT");
            }
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        for (PreparedStatement p : List.of(after, last, mark, timeOf)) {
            p.close();
        }
        connection.close();
    }
}
