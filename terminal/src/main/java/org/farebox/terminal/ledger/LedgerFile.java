package org.farebox.terminal.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.tinylog.Logger;

/**
 * Opens the ledger's SQLite file: health check, quarantine of a file that will not open, schema
 * check and migration, then the connection settings for taps.
 */
final class LedgerFile {

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final DateTimeFormatter QUARANTINE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> COMPANION_SUFFIXES = List.of("-wal", "-shm", "-journal");

    record Opened(Connection connection, Optional<QuarantineNotice> quarantine) {
    }

    private LedgerFile() {
    }

    static Opened open(Path file, LedgerOptions options) {
        Path absolute = file.toAbsolutePath();
        createParent(absolute);
        Optional<QuarantineNotice> notice = Optional.empty();
        if (Files.exists(absolute)) {
            Optional<String> damage = inspect(absolute, options);
            if (damage.isPresent()) {
                notice = Optional.of(quarantine(absolute, damage.get(), options.clock().instant()));
            }
        }
        Connection c = connect(absolute, options, false);
        try {
            int version = LedgerSchema.checkCompatible(c, absolute.toString());
            configure(c, options);
            LedgerSchema.migrate(c, version, absolute.toString());
            return new Opened(c, notice);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LedgerException("cannot open ledger " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** A second connection to an already opened ledger, for reads that must not wait for taps. */
    static Connection openReader(Path file, LedgerOptions options) {
        return connect(file.toAbsolutePath(), options, false);
    }

    private static Connection connect(Path file, LedgerOptions options, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.setReadOnly(readOnly);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new LedgerException("cannot open ledger " + file + " (check the path and its permissions): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks an existing file through a read-only connection, which can neither checkpoint nor delete
     * a -wal file: a damaged ledger reaches quarantine exactly as it was found. Returns why the file
     * is unusable, or empty if it is sound; refuses (throws) a file that must be left alone.
     */
    private static Optional<String> inspect(Path file, LedgerOptions options) {
        Connection c = connect(file, options, true);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            List<String> problems = new ArrayList<>();
            while (rs.next() && problems.size() < 5) {
                problems.add(rs.getString(1));
            }
            if (!problems.equals(List.of("ok"))) {
                return Optional.of("quick_check failed: " + String.join("; ", problems));
            }
            LedgerSchema.checkCompatible(c, file.toString());
            return Optional.empty();
        } catch (SQLException e) {
            int primary = e.getErrorCode() & 0xFF;
            if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
                return Optional.of(e.getMessage());
            }
            throw new LedgerException("cannot check ledger " + file + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(c);
        }
    }

    private static void configure(Connection c, LedgerOptions options) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new LedgerException("the ledger needs WAL journal mode but SQLite stayed in " + mode);
                }
            }
            s.execute("PRAGMA synchronous = " + options.synchronous().name());
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** Moves the file and its companions to {@code <name>.quarantine-<UTC stamp>}; never deletes. */
    private static QuarantineNotice quarantine(Path file, String reason, Instant now) {
        Path target = freeName(file, now);
        List<Path> moved = new ArrayList<>();
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            moved.add(target);
            for (String suffix : COMPANION_SUFFIXES) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Path companionTarget = target.resolveSibling(target.getFileName() + suffix);
                    Files.move(companion, companionTarget, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(companionTarget);
                }
            }
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new LedgerException("ledger " + file + " is damaged (" + reason + ") and could not be moved aside "
                    + "to " + target + ": " + e.getMessage() + ". Move it away by hand; the terminal cannot record "
                    + "taps until then.", e);
        }
        Logger.error("Ledger {} is damaged ({}); moved aside to {} and starting a fresh ledger. Keep the quarantined "
                + "file: it holds taps that may not have reached the clearing host.", file, reason, target);
        return new QuarantineNotice(file, target, moved, reason, now);
    }

    private static Path freeName(Path file, Instant now) {
        String base = file.getFileName() + ".quarantine-" + QUARANTINE_STAMP.format(now);
        Path candidate = file.resolveSibling(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory; the rename is then only as durable as the OS makes it
            Logger.debug("could not sync directory {}: {}", dir, e.getMessage());
        }
    }

    private static void createParent(Path file) {
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new LedgerException("cannot create the ledger folder " + parent + ": " + e.getMessage(), e);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            Logger.warn("closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
