package org.farebox.terminal.ledger;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * The ledger in one SQLite file (WAL, synchronous FULL by default). One connection for taps and every
 * write, whose public methods are synchronized, so a status reporter may read from another thread
 * while taps are written; a second, query-only connection serves the uploader's reads
 * ({@link #rowsAfter}, {@link #clearedThrough}, {@link #backlog}) without taking the taps' lock.
 */
public final class SqliteLedger implements Ledger {

    private static final String MONEY_STATES = Stream.of(SettlementState.values())
            .filter(SettlementState::movedMoney).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final Path file;
    private final String terminalId;
    private final Connection connection;
    private final Optional<QuarantineNotice> quarantine;
    private final TapRows taps;
    private final IntentRows intents;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement lastPsamSerial;
    private final PreparedStatement count;
    private final ClearedMark mark;
    private final OutboxReader outbox;
    private final Clock clock;
    private volatile boolean closed;

    private SqliteLedger(Path file, String terminalId, LedgerFile.Opened opened, Clock clock, OutboxReader outbox)
            throws SQLException {
        this.file = file;
        this.terminalId = terminalId;
        this.connection = opened.connection();
        this.quarantine = opened.quarantine();
        this.taps = new TapRows(connection);
        this.intents = new IntentRows(connection);
        this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
        this.commit = connection.prepareStatement("COMMIT");
        this.rollback = connection.prepareStatement("ROLLBACK");
        this.lastPsamSerial = connection.prepareStatement("SELECT max(coalesce((SELECT max(psam_serial) FROM taps "
                + "WHERE psam_terminal_no = ?1), 0), coalesce((SELECT max(psam_serial) FROM intents "
                + "WHERE psam_terminal_no = ?1), 0), 0)");
        this.count = connection.prepareStatement("SELECT count(*) FROM taps");
        this.mark = new ClearedMark(connection, terminalId);
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * Opens (or creates) the ledger file for a terminal. A file that is not a sound database is moved
     * aside and reported by {@link #quarantineNotice()}; a file of a newer schema or of another
     * application is refused with a {@link LedgerException} and left untouched.
     */
    public static SqliteLedger open(Path file, String terminalId, LedgerOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (terminalId == null || terminalId.isBlank()) {
            throw new IllegalArgumentException("a ledger needs the terminal id its rows belong to");
        }
        LedgerFile.Opened opened = LedgerFile.open(file, options);
        Connection readerConnection = null;
        try {
            readerConnection = LedgerFile.openReader(file, options);
            OutboxReader outbox = new OutboxReader(readerConnection, terminalId);
            SqliteLedger ledger = new SqliteLedger(file.toAbsolutePath(), terminalId, opened, options.clock(), outbox);
            Logger.info("Ledger {} open for terminal {}: {} rows", ledger.file, terminalId, ledger.size());
            return ledger;
        } catch (SQLException | RuntimeException e) {
            LedgerFile.closeQuietly(opened.connection());
            if (readerConnection != null) {
                LedgerFile.closeQuietly(readerConnection);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new LedgerException("cannot prepare the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    public static SqliteLedger open(Path file, String terminalId) {
        return open(file, terminalId, LedgerOptions.defaults());
    }

    /** Present when the file found at open was damaged and moved aside. */
    public Optional<QuarantineNotice> quarantineNotice() {
        return quarantine;
    }

    public Path file() {
        return file;
    }

    public String terminalId() {
        return terminalId;
    }

    @Override
    public synchronized PurchaseIntent recordIntent(PurchaseIntent pending) {
        LedgerInputs.pendingIntent(pending);
        PurchaseIntent intent = pending.withIdAndTerminal(0,
                LedgerInputs.terminal(pending.terminalId(), terminalId, "the intent"));
        return write("recording a purchase intent", () -> intent.withIdAndTerminal(intents.insert(intent), terminalId));
    }

    @Override
    public synchronized void markDebited(long intentId, String tac, String mac2) {
        LedgerInputs.debitProof(tac, mac2);
        write("marking intent " + intentId + " debited", () -> {
            if (!intents.markDebited(intentId, tac, mac2)) {
                throw new IllegalArgumentException("no open purchase intent with id " + intentId);
            }
            return null;
        });
    }

    @Override
    public synchronized void markUncertain(long intentId, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        write("marking intent " + intentId + " uncertain", () -> {
            PurchaseIntent intent = openIntent(intentId);
            if (intent.state() == IntentState.DEBITED) {
                throw new IllegalStateException("intent " + intentId + " is already proven DEBITED; "
                        + "resolve it instead of marking it uncertain");
            }
            intents.markUncertain(intentId, expiresAt);
            return null;
        });
    }

    @Override
    public synchronized List<PurchaseIntent> openIntents() {
        return read("listing open intents", intents::open);
    }

    @Override
    public synchronized TapRecord append(TapRecord draft) {
        LedgerInputs.draft(draft);
        String terminal = LedgerInputs.terminal(draft.terminalId(), terminalId, "the row");
        return write("appending a tap", () -> taps.append(terminal, draft));
    }

    @Override
    public synchronized TapRecord resolve(long intentId, TapRecord draft) {
        LedgerInputs.draft(draft);
        String terminal = LedgerInputs.terminal(draft.terminalId(), terminalId, "the row");
        return write("resolving intent " + intentId, () -> {
            LedgerInputs.sameCard(openIntent(intentId), draft);
            TapRecord row = taps.append(terminal, draft);
            intents.delete(intentId);
            return row;
        });
    }

    @Override
    public synchronized long lastPsamSerial(String psamTerminalNo) {
        Objects.requireNonNull(psamTerminalNo, "psamTerminalNo");
        return read("reading the last PSAM serial", () -> {
            lastPsamSerial.setString(1, psamTerminalNo);
            try (ResultSet rs = lastPsamSerial.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public synchronized ChainCheck verify() {
        return read("verifying the chain", () -> ChainVerifier.verify(connection));
    }

    @Override
    public synchronized void exportCsv(Writer out) throws IOException {
        ensureOpen();
        try {
            LedgerCsv.write(connection, out);
        } catch (SQLException e) {
            throw new LedgerException("exporting " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized LedgerTotals totals() {
        return read("reading totals", () -> {
            Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
            long revenue;
            long open;
            try (var s = connection.createStatement()) {
                // one read transaction, so the three numbers describe the same moment
                s.execute("BEGIN");
                try {
                    try (ResultSet rs = s.executeQuery("SELECT outcome, count(*) FROM taps GROUP BY outcome")) {
                        while (rs.next()) {
                            byOutcome.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2));
                        }
                    }
                    try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(amount_fen), 0) FROM taps WHERE state IN ("
                            + MONEY_STATES + ")")) {
                        revenue = rs.next() ? rs.getLong(1) : 0;
                    }
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM intents")) {
                        open = rs.next() ? rs.getLong(1) : 0;
                    }
                } finally {
                    s.execute("COMMIT");
                }
            }
            return new LedgerTotals(byOutcome, revenue, open);
        });
    }

    @Override
    public synchronized long size() {
        return read("counting rows", () -> {
            try (ResultSet rs = count.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** This terminal's rows from {@code fromSequence} on, at most {@code limit}, in sequence order. */
    public synchronized List<TapRecord> rows(long fromSequence, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        return read("reading rows", () -> taps.range(terminalId, fromSequence, limit));
    }

    @Override
    public long clearedThrough() {
        return outboxRead("reading the cleared mark", outbox::clearedThrough);
    }

    @Override
    public synchronized void markCleared(long throughSequence) {
        if (throughSequence < 0) {
            throw new IllegalArgumentException("cleared mark must be >= 0, got " + throughSequence);
        }
        // Cheap test first: a repeated or stale ack must not cost a durable commit
        if (throughSequence <= read("reading the cleared mark", mark::current)) {
            return;
        }
        write("moving the cleared mark to " + throughSequence, () -> {
            mark.move(throughSequence, clock.millis());
            return null;
        });
    }

    @Override
    public List<TapRecord> rowsAfter(long afterSequence, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        return outboxRead("reading rows after " + afterSequence, () -> outbox.rowsAfter(afterSequence, limit));
    }

    @Override
    public Backlog backlog() {
        return outboxRead("reading the backlog", outbox::backlog);
    }

    private <T> T outboxRead(String what, SqlWork<T> work) {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            ensureOpen();
            throw new LedgerException(what + " failed in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : List.of(outbox, taps, intents, begin, commit, rollback, lastPsamSerial, count,
                mark, connection)) {
            LedgerFile.closeQuietly(c);
        }
        Logger.info("Ledger {} closed", file);
    }

    private PurchaseIntent openIntent(long intentId) throws SQLException {
        return intents.find(intentId).orElseThrow(() ->
                new IllegalArgumentException("no open purchase intent with id " + intentId));
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T write(String what, SqlWork<T> work) {
        ensureOpen();
        try {
            begin.execute();
            try {
                T result = work.run();
                commit.execute();
                return result;
            } catch (Throwable t) {
                rollbackQuietly();
                throw t;
            }
        } catch (SQLException e) {
            throw new LedgerException(what + " failed in " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(String what, SqlWork<T> work) {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new LedgerException(what + " failed in " + file + ": " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly() {
        try {
            rollback.execute();
        } catch (SQLException e) {
            Logger.debug("rollback after a failed write: {}", e.getMessage());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("ledger " + file + " is closed");
        }
    }
}
