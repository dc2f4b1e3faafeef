package org.farebox.terminal.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The sync_state table on the writing connection: the cleared mark, moved forward only. */
final class ClearedMark implements AutoCloseable {
    private final String terminalId;
    private final PreparedStatement lastSequence;
    private final PreparedStatement current;
    private final PreparedStatement move;

    ClearedMark(Connection c, String terminalId) throws SQLException {
        this.terminalId = terminalId;
        lastSequence = c.prepareStatement("SELECT coalesce(max(sequence), 0) FROM taps WHERE terminal_id = ?");
        current = c.prepareStatement("SELECT cleared_through FROM sync_state WHERE terminal_id = ?");
        // The WHERE keeps the mark monotonic even if two writers raced; the trigger refuses the rest
        move = c.prepareStatement("INSERT INTO sync_state (terminal_id, cleared_through, cleared_at) "
                + "VALUES (?1, ?2, ?3) ON CONFLICT (terminal_id) DO UPDATE SET cleared_through = ?2, cleared_at = ?3 "
                + "WHERE ?2 > sync_state.cleared_through");
    }

    long current() throws SQLException {
        current.setString(1, terminalId);
        try (ResultSet rs = current.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Moves the mark; call inside a write transaction. Refuses a mark beyond the last row. */
    void move(long throughSequence, long nowMillis) throws SQLException {
        lastSequence.setString(1, terminalId);
        long last;
        try (ResultSet rs = lastSequence.executeQuery()) {
            last = rs.next() ? rs.getLong(1) : 0;
        }
        if (throughSequence > last) {
            throw new IllegalArgumentException("cannot mark rows up to " + throughSequence + " cleared: the ledger of "
                    + terminalId + " ends at row " + last);
        }
        move.setString(1, terminalId);
        move.setLong(2, throughSequence);
        move.setLong(3, nowMillis);
        move.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        lastSequence.close();
        current.close();
        move.close();
    }
}
