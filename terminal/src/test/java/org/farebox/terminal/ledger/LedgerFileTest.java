package org.farebox.terminal.ledger;

import static org.farebox.terminal.ledger.LedgerFixtures.TERMINAL;
import static org.farebox.terminal.ledger.LedgerFixtures.paid;
import static org.farebox.terminal.ledger.LedgerFixtures.raw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {

    private static final Instant NOW = Instant.parse("2025-03-01T07:30:00Z");
    private static final LedgerOptions AT_NOW = LedgerOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void garbageFileIsMovedAsideUntouchedAndAFreshLedgerCreated() throws IOException {
        Path file = dir.resolve("ledger.db");
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            QuarantineNotice notice = ledger.quarantineNotice().orElseThrow();
            Path expected = dir.resolve("ledger.db.quarantine-20250301T073000Z");
            assertEquals(expected, notice.quarantinedAs());
            assertArrayEquals(garbage, Files.readAllBytes(expected));
            assertTrue(notice.reason().contains("not a database"), notice.reason());
            assertEquals(NOW, notice.time());
            assertEquals(1, ledger.append(paid(1)).sequence());
            assertTrue(ledger.verify().intact());
        }
    }

    @Test
    void companionWalFileMovesWithItsDatabase() throws IOException {
        Path file = dir.resolve("ledger.db");
        Files.write(file, "this is not SQLite at all, but it is long enough to have a header........".repeat(3)
                .getBytes());
        byte[] wal = "stale wal".getBytes();
        Files.write(dir.resolve("ledger.db-wal"), wal);

        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            QuarantineNotice notice = ledger.quarantineNotice().orElseThrow();
            Path movedWal = dir.resolve("ledger.db.quarantine-20250301T073000Z-wal");
            assertTrue(notice.movedFiles().contains(movedWal), notice.movedFiles().toString());
            assertArrayEquals(wal, Files.readAllBytes(movedWal));
        }
    }

    @Test
    void truncatedLedgerIsQuarantined() throws IOException {
        Path file = dir.resolve("ledger.db");
        LedgerOptions fast = AT_NOW.withSynchronous(LedgerOptions.Synchronous.NORMAL);
        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, fast)) {
            for (int i = 1; i <= 3000; i++) {
                ledger.append(paid(i));
            }
        }
        long fullSize = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(fullSize / 2);
        }

        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, fast)) {
            QuarantineNotice notice = ledger.quarantineNotice().orElseThrow();
            assertEquals(fullSize / 2, Files.size(notice.quarantinedAs()));
            assertEquals(0, ledger.size());
        }
    }

    @Test
    void secondQuarantineInTheSameSecondGetsItsOwnName() throws IOException {
        Path file = dir.resolve("ledger.db");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        SqliteLedger.open(file, TERMINAL, AT_NOW).close();
        Files.write(file, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            assertEquals(dir.resolve("ledger.db.quarantine-20250301T073000Z-2"),
                    ledger.quarantineNotice().orElseThrow().quarantinedAs());
        }
    }

    @Test
    void soundLedgerHasNoQuarantineNotice() {
        Path file = dir.resolve("ledger.db");
        SqliteLedger.open(file, TERMINAL, AT_NOW).close();
        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            assertTrue(ledger.quarantineNotice().isEmpty());
        }
    }

    @Test
    void newerSchemaIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            ledger.append(paid(1));
        }
        sql(file, "PRAGMA user_version = 99");
        byte[] before = Files.readAllBytes(file);

        LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.open(file, TERMINAL, AT_NOW));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(fileNames().stream().noneMatch(name -> name.contains("quarantine")), fileNames().toString());
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("ledger.db");
        sql(file, "CREATE TABLE photos (id INTEGER)");
        byte[] before = Files.readAllBytes(file);

        LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.open(file, TERMINAL, AT_NOW));
        assertTrue(e.getMessage().contains("other application"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void versionOneFileIsMigratedKeepingItsRowsAndIntents() throws Exception {
        Path file = dir.resolve("ledger.db");
        List<TapRecord> v1Rows = V1Ledger.write(file, 3);

        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            assertTrue(ledger.quarantineNotice().isEmpty());
            assertEquals(v1Rows, ledger.rows(1, 10));
            assertEquals(1, ledger.openIntents().size());
            assertEquals(V1Ledger.INTENT_PSAM_SERIAL, ledger.lastPsamSerial(LedgerFixtures.PSAM));
            TapRecord next = ledger.append(paid(4));
            assertEquals(4, next.sequence());
            assertEquals(v1Rows.get(2).hash(), next.prevHash());
            assertTrue(ledger.verify().intact());
        }
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            assertEquals(LedgerSchema.LATEST_VERSION, LedgerSchema.pragmaInt(c, "user_version"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM taps"));
        }
    }

    @Test
    void ledgerFileIsInWalModeWithTheLatestSchema() throws Exception {
        Path file = dir.resolve("ledger.db");
        SqliteLedger.open(file, TERMINAL, AT_NOW).close();
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            assertEquals(LedgerSchema.LATEST_VERSION, LedgerSchema.pragmaInt(c, "user_version"));
            assertEquals(LedgerSchema.APPLICATION_ID, LedgerSchema.pragmaInt(c, "application_id"));
        }
    }

    @Test
    void missingFolderIsCreated() {
        Path file = dir.resolve("var/lib/farebox/ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, TERMINAL, AT_NOW)) {
            assertEquals(1, ledger.append(paid(1)).sequence());
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void blankTerminalIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SqliteLedger.open(dir.resolve("l.db"), " ", AT_NOW));
        assertFalse(Files.exists(dir.resolve("l.db")));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void sql(Path file, String... statements) throws SQLException {
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
