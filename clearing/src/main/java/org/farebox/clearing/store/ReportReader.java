package org.farebox.clearing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;

/**
 * Builds a {@link Report} by streaming the rows of the query's time range: days are cut in the
 * report's time zone in Java, so the SQL stays the same on SQLite and PostgreSQL.
 */
final class ReportReader {
    private ReportReader() {
    }

    static Report read(Connection c, ReportQuery q) throws SQLException {
        Report.Accumulator acc = new Report.Accumulator(q);
        String sql = "SELECT terminal_id, time_millis, outcome, state, card_type, amount_fen FROM txn_rows"
                + " WHERE time_millis >= ? AND time_millis < ?" + (q.terminalId().isPresent() ? " AND terminal_id = ?" : "");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, q.fromMillis());
            p.setLong(2, q.toMillisExclusive());
            if (q.terminalId().isPresent()) {
                p.setString(3, q.terminalId().get());
            }
            p.setFetchSize(2000);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    acc.add(r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getInt(5), r.getLong(6));
                }
            }
        }
        return acc.build(duplicatesDropped(c, q.terminalId()), FindingsTable.countOpen(c, q.terminalId()));
    }

    static long duplicatesDropped(Connection c, Optional<String> terminalId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(SUM(duplicates_dropped), 0) FROM terminals"
                + (terminalId.isPresent() ? " WHERE terminal_id = ?" : ""))) {
            if (terminalId.isPresent()) {
                p.setString(1, terminalId.get());
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
