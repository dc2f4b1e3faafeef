package org.farebox.terminal.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Walks every terminal's chain in sequence order and reports the first place it breaks. */
final class ChainVerifier {

    private ChainVerifier() {
    }

    static ChainCheck verify(Connection c) throws SQLException {
        String terminal = null;
        long expected = 1;
        String prevHash = CanonicalRow.GENESIS_PREV_HASH;
        long good = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TapRows.SELECT_ALL)) {
            while (rs.next()) {
                long sequence = rs.getLong(1);
                String rowTerminal = rs.getString(2);
                if (!rowTerminal.equals(terminal)) {
                    terminal = rowTerminal;
                    expected = 1;
                    prevHash = CanonicalRow.GENESIS_PREV_HASH;
                }
                String where = "terminal " + terminal + ", row " + sequence + ": ";
                if (sequence != expected) {
                    return ChainCheck.broken(good, expected, "terminal " + terminal + ": sequence gap: row " + expected
                            + (sequence > expected ? " is missing, the next row is " + sequence
                                    : " expected, found " + sequence));
                }
                TapRecord row;
                try {
                    row = TapRows.read(rs);
                } catch (IllegalArgumentException | NullPointerException e) {
                    return ChainCheck.broken(good, sequence, where + "unreadable: " + e.getMessage());
                }
                if (!row.prevHash().equals(prevHash)) {
                    return ChainCheck.broken(good, sequence, where + "link broken: prevHash " + row.prevHash()
                            + " is not the hash of the row before (" + prevHash + ")");
                }
                String recomputed = CanonicalRow.hash(prevHash, row);
                if (!recomputed.equals(row.hash())) {
                    return ChainCheck.broken(good, sequence, where + "hash mismatch: the row's content does not match "
                            + "its stored hash (stored " + row.hash() + ", computed " + recomputed
                            + "): it was changed after it was written");
                }
                prevHash = row.hash();
                expected++;
                good++;
            }
        }
        return ChainCheck.intact(good);
    }
}
