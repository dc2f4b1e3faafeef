package org.farebox.terminal.ledger;

import static org.farebox.terminal.ledger.LedgerFixtures.open;
import static org.farebox.terminal.ledger.LedgerFixtures.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync outbox in the ledger: the cleared mark, rows after it, the backlog. */
class ClearedMarkTest {
    @TempDir
    Path dir;

    @Test
    void theMarkMovesForwardOnlyAndSurvivesReopening() {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = open(file)) {
            assertEquals(0, ledger.clearedThrough());
            for (int i = 1; i <= 5; i++) {
                ledger.append(paid(i));
            }
            ledger.markCleared(3);
            ledger.markCleared(2);
            ledger.markCleared(3);
            assertEquals(3, ledger.clearedThrough(), "a lower or equal mark is ignored");
        }
        try (SqliteLedger ledger = open(file)) {
            assertEquals(3, ledger.clearedThrough());
        }
    }

    @Test
    void aMarkBeyondTheLastRowIsRefusedWithAClearMessage() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            ledger.append(paid(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ledger.markCleared(2));
            assertTrue(e.getMessage().contains("ends at row 1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ledger.markCleared(-1));
            assertEquals(0, ledger.clearedThrough());
        }
    }

    @Test
    void rowsAfterReadsInSequenceOrderUpToTheLimit() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            for (int i = 1; i <= 10; i++) {
                ledger.append(paid(i));
            }
            List<TapRecord> rows = ledger.rowsAfter(4, 3);
            assertEquals(List.of(5L, 6L, 7L), rows.stream().map(TapRecord::sequence).toList());
            assertEquals(ledger.rows(5, 3), rows, "the same rows as the writing connection reads");
            assertEquals(List.of(), ledger.rowsAfter(10, 5));
            assertThrows(IllegalArgumentException.class, () -> ledger.rowsAfter(0, -1));
        }
    }

    @Test
    void backlogCountsUnclearedRowsAndDatesTheOldest() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            assertEquals(new Backlog(0, 0, Optional.empty(), Optional.empty()), ledger.backlog());
            for (int i = 1; i <= 4; i++) {
                ledger.append(paid(i));
            }
            ledger.markCleared(1);
            Backlog b = ledger.backlog();
            assertEquals(3, b.rows());
            assertEquals(4, b.lastSequence());
            assertEquals(1, b.clearedThrough());
            assertEquals(Optional.of(LedgerFixtures.T0.plusSeconds(2)), b.oldestUncleared());
            assertTrue(b.lastClearedAt().isPresent());
            ledger.markCleared(4);
            assertEquals(Optional.empty(), ledger.backlog().oldestUncleared());
            assertEquals(0, ledger.backlog().rows());
        }
    }

    @Test
    void theMarkCannotBeMovedBackOrDeletedEvenWithRawSql() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = open(file)) {
            ledger.append(paid(1));
            ledger.append(paid(2));
            ledger.markCleared(2);
        }
        try (Connection c = LedgerFixtures.raw(file); Statement s = c.createStatement()) {
            SQLException back = assertThrows(SQLException.class,
                    () -> s.execute("UPDATE sync_state SET cleared_through = 1"));
            assertTrue(back.getMessage().contains("only moves forward"), back.getMessage());
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM sync_state"));
        }
    }

    @Test
    void readingRowsNeitherWaitsForTheWritersLockNorForAnOpenWriteTransaction() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = open(file); Connection writer = LedgerFixtures.raw(file);
                Statement s = writer.createStatement()) {
            ledger.append(paid(1));
            s.execute("BEGIN IMMEDIATE"); // another writer holds SQLite's write lock
            try {
                synchronized (ledger) { // and the ledger's own monitor is taken, as during a tap
                    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> ledger.rowsAfter(0, 10).size());
                    assertEquals(1, read.get(5, TimeUnit.SECONDS));
                    CompletableFuture<Long> backlog = CompletableFuture.supplyAsync(() -> ledger.backlog().rows());
                    assertEquals(1, backlog.get(5, TimeUnit.SECONDS));
                }
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }

    @Test
    void aVersionOneLedgerIsMigratedWithNothingCleared() throws Exception {
        Path file = dir.resolve("v1.db");
        V1Ledger.write(file, 3);
        try (SqliteLedger ledger = open(file)) {
            assertEquals(0, ledger.clearedThrough());
            assertEquals(3, ledger.backlog().rows());
            ledger.markCleared(3);
            assertEquals(3, ledger.clearedThrough());
        }
    }
}
