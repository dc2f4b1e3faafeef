package org.farebox.clearing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the {@code findings} table inside the caller's transaction. */
final class FindingsTable {
    private static final int MAX_DETAIL = 2000;
    private static final String COLUMNS = "id, terminal_id, kind, first_seq, last_seq, detail, found_at, resolved_at";

    private FindingsTable() {
    }

    static Finding insert(Connection c, String terminalId, FindingKind kind, long firstSeq, long lastSeq,
            String detail, Instant now) throws SQLException {
        String text = printable(detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 3) + "..." : detail);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO findings (terminal_id, kind, first_seq, last_seq,"
                + " detail, found_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, NULL) RETURNING id")) {
            p.setString(1, terminalId);
            p.setString(2, kind.name());
            p.setLong(3, firstSeq);
            p.setLong(4, lastSeq);
            p.setString(5, text);
            p.setLong(6, now.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return new Finding(r.getLong(1), terminalId, kind, firstSeq, lastSeq, text, now, Optional.empty());
            }
        }
    }

    /**
     * Control characters as '?': details quote hostile input (a parser's error about a NUL byte), and
     * PostgreSQL refuses NUL in text, and terminals print the rest raw.
     */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(ch < 0x20 || ch == 0x7f || Character.isSurrogate(ch) ? '?' : ch);
        }
        return out.toString();
    }

    /** Open GAP findings of a terminal that overlap first..last. */
    static List<Finding> openGapsOverlapping(Connection c, String terminalId, long first, long last)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM findings WHERE terminal_id = ?"
                + " AND kind = 'GAP' AND resolved_at IS NULL AND first_seq <= ? AND last_seq >= ? ORDER BY id")) {
            p.setString(1, terminalId);
            p.setLong(2, last);
            p.setLong(3, first);
            return read(p);
        }
    }

    static void resolve(Connection c, long id, String note, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE findings SET resolved_at = ?, detail = detail || ? WHERE id = ?")) {
            p.setLong(1, now.toEpochMilli());
            p.setString(2, " [" + note + "]");
            p.setLong(3, id);
            p.executeUpdate();
        }
    }

    static List<Finding> list(Connection c, boolean openOnly) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM findings"
                + (openOnly ? " WHERE resolved_at IS NULL" : "") + " ORDER BY id")) {
            return read(p);
        }
    }

    static long countOpen(Connection c, Optional<String> terminalId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM findings WHERE resolved_at IS NULL"
                + (terminalId.isPresent() ? " AND terminal_id = ?" : ""))) {
            if (terminalId.isPresent()) {
                p.setString(1, terminalId.get());
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static List<Finding> read(PreparedStatement p) throws SQLException {
        List<Finding> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                long resolved = r.getLong(8);
                Optional<Instant> resolvedAt = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(resolved));
                out.add(new Finding(r.getLong(1), r.getString(2), FindingKind.valueOf(r.getString(3)), r.getLong(4),
                        r.getLong(5), r.getString(6), Instant.ofEpochMilli(r.getLong(7)), resolvedAt));
            }
        }
        return out;
    }
}
