package org.farebox.terminal.ledger;

import static org.farebox.terminal.ledger.LedgerFixtures.open;
import static org.farebox.terminal.ledger.LedgerFixtures.paid;
import static org.farebox.terminal.ledger.LedgerFixtures.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerChainTest {

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void tenRows() {
        file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = open(file)) {
            for (int i = 1; i <= 10; i++) {
                ledger.append(paid(i));
            }
        }
    }

    @Test
    void untouchedChainVerifiesIntact() {
        try (SqliteLedger ledger = open(file)) {
            ChainCheck check = ledger.verify();
            assertTrue(check.intact(), check.message());
            assertEquals(10, check.rows());
            assertEquals(-1, check.firstBrokenSequence());
        }
    }

    @Test
    void updateThroughSqlIsRejectedByTheAppendOnlyTrigger() throws SQLException {
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE taps SET amount_fen = 1 WHERE sequence = 4"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM taps WHERE sequence = 4"));
        }
        try (SqliteLedger ledger = open(file)) {
            assertTrue(ledger.verify().intact());
            assertEquals(10, ledger.size());
        }
    }

    @Test
    void changedAmountIsAHashMismatchAtThatSequence() throws SQLException {
        sql("DROP TRIGGER taps_append_only_update", "UPDATE taps SET amount_fen = 1 WHERE sequence = 4");
        try (SqliteLedger ledger = open(file)) {
            ChainCheck check = ledger.verify();
            assertFalse(check.intact());
            assertEquals(4, check.firstBrokenSequence());
            assertEquals(3, check.rows());
            assertTrue(check.message().contains("hash mismatch"), check.message());
        }
    }

    @Test
    void rehashedTamperedRowBreaksTheLinkOfTheNextRow() throws SQLException {
        TapRecord row4;
        try (SqliteLedger ledger = open(file)) {
            row4 = ledger.rows(4, 1).get(0);
        }
        TapRecord forged = new TapRecord(4, row4.terminalId(), row4.time(), row4.cardSerial(), row4.cardType(),
                row4.riderCategory(), 1, row4.balanceBeforeFen(), row4.balanceAfterFen(), row4.cardCounter(),
                row4.psamTerminalNo(), row4.psamSerial(), row4.tac(), row4.mac2(), row4.transactionType(),
                row4.fareTableVersion(), row4.route(), row4.stop(), row4.outcome(), row4.state(), row4.detail(),
                row4.prevHash(), "");
        String forgedHash = CanonicalRow.hash(row4.prevHash(), forged);
        sql("DROP TRIGGER taps_append_only_update",
                "UPDATE taps SET amount_fen = 1, hash = '" + forgedHash + "' WHERE sequence = 4");
        try (SqliteLedger ledger = open(file)) {
            ChainCheck check = ledger.verify();
            assertFalse(check.intact());
            assertEquals(5, check.firstBrokenSequence());
            assertTrue(check.message().contains("link broken"), check.message());
        }
    }

    @Test
    void deletedRowIsASequenceGapNamingTheMissingRow() throws SQLException {
        sql("DROP TRIGGER taps_append_only_delete", "DELETE FROM taps WHERE sequence = 6");
        try (SqliteLedger ledger = open(file)) {
            ChainCheck check = ledger.verify();
            assertFalse(check.intact());
            assertEquals(6, check.firstBrokenSequence());
            assertTrue(check.message().contains("sequence gap"), check.message());
            assertTrue(check.message().contains("next row is 7"), check.message());
        }
    }

    @Test
    void deletedFirstRowIsAGapAtOne() throws SQLException {
        sql("DROP TRIGGER taps_append_only_delete", "DELETE FROM taps WHERE sequence = 1");
        try (SqliteLedger ledger = open(file)) {
            assertEquals(1, ledger.verify().firstBrokenSequence());
        }
    }

    @Test
    void unknownOutcomeNameIsReportedNotThrown() throws SQLException {
        sql("DROP TRIGGER taps_append_only_update", "UPDATE taps SET outcome = 'FREE' WHERE sequence = 2");
        try (SqliteLedger ledger = open(file)) {
            ChainCheck check = ledger.verify();
            assertEquals(2, check.firstBrokenSequence());
            assertTrue(check.message().contains("unreadable"), check.message());
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
