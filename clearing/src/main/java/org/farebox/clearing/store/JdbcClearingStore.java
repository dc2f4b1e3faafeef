package org.farebox.clearing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.protocol.sync.TxnBatch;
import org.tinylog.Logger;

/**
 * The clearing store on SQLite (a file, WAL, shareable by several processes) or PostgreSQL, through
 * one JDBC connection used by one thread at a time. A transaction that meets lock contention, a
 * deadlock or a dropped connection is rolled back and tried again on a fresh connection.
 */
public final class JdbcClearingStore implements ClearingStore {
    private static final int ATTEMPTS = 5;

    private final SqlDialect dialect;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Clock clock;
    private Connection connection;

    private JdbcClearingStore(SqlDialect dialect, String jdbcUrl, String user, String password, Clock clock) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.clock = clock;
    }

    /**
     * Opens (and creates, if new) the store at {@code jdbcUrl}: {@code jdbc:sqlite:FILE} or
     * {@code jdbc:postgresql://…}; user and password may be "" (SQLite ignores them, PostgreSQL may take
     * them from the URL).
     */
    public static JdbcClearingStore open(String jdbcUrl, String user, String password, Clock clock) {
        JdbcClearingStore store = new JdbcClearingStore(SqlDialect.of(jdbcUrl), jdbcUrl, user, password, clock);
        store.inTransaction(c -> {
            StoreSchema.apply(c, store.dialect);
            return null;
        });
        return store;
    }

    /** True for SQLite, false for PostgreSQL. */
    public boolean isSqlite() {
        return dialect == SqlDialect.SQLITE;
    }

    @Override
    public BatchResult store(TxnBatch batch) {
        return inTransaction(c -> new BatchWriter(c, clock.instant()).write(batch));
    }

    @Override
    public Finding quarantine(String topic, String terminalId, byte[] payload, String error, FindingKind kind,
            long firstSeq, long lastSeq) {
        if (kind != FindingKind.QUARANTINED && kind != FindingKind.MISMATCHED_TOPIC) {
            throw new IllegalArgumentException("a quarantine finding is QUARANTINED or MISMATCHED_TOPIC, not " + kind);
        }
        return inTransaction(c -> {
            Instant now = clock.instant();
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO quarantine (topic, terminal_id, error,"
                    + " payload_length, payload, received_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                p.setString(1, FindingsTable.printable(topic.length() > 1000 ? topic.substring(0, 1000) : topic));
                p.setString(2, terminalId);
                p.setString(3, FindingsTable.printable(error));
                p.setLong(4, payload.length);
                p.setBytes(5, payload.length > QUARANTINE_KEEP_BYTES ? Arrays.copyOf(payload, QUARANTINE_KEEP_BYTES)
                        : payload);
                p.setLong(6, now.toEpochMilli());
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            return FindingsTable.insert(c, terminalId, kind, firstSeq, lastSeq, "quarantine #" + id + " ("
                    + payload.length + " bytes on " + topic + "): " + error, now);
        });
    }

    @Override
    public Report report(ReportQuery query) {
        return inTransaction(c -> ReportReader.read(c, query));
    }

    @Override
    public List<Finding> findings(boolean openOnly) {
        return inTransaction(c -> FindingsTable.list(c, openOnly));
    }

    @Override
    public List<QuarantinedMessage> quarantined() {
        return inTransaction(c -> {
            List<QuarantinedMessage> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, topic, terminal_id, error,"
                    + " payload_length, payload, received_at FROM quarantine ORDER BY id")) {
                while (r.next()) {
                    out.add(new QuarantinedMessage(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getLong(5), r.getBytes(6), Instant.ofEpochMilli(r.getLong(7))));
                }
            }
            return out;
        });
    }

    @Override
    public List<AccountRow> accountRows(Instant from, Instant to) {
        return inTransaction(c -> AdjustmentsTable.accountRows(c, from, to));
    }

    @Override
    public AdjustmentWrite replaceAdjustments(String accountId, java.time.LocalDate transportDay,
            List<AdjustmentRecord> records) {
        return inTransaction(c -> AdjustmentsTable.replace(c, accountId, transportDay, records, clock.instant()));
    }

    @Override
    public List<AdjustmentRecord> adjustments(java.util.Optional<java.time.LocalDate> transportDay) {
        return inTransaction(c -> AdjustmentsTable.select(c, transportDay, java.util.Optional.empty()));
    }

    @Override
    public long rowCount() {
        return inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM txn_rows")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public long duplicatesDropped() {
        return inTransaction(c -> ReportReader.duplicatesDropped(c, java.util.Optional.empty()));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Logger.debug("closing the store: {}", e.getMessage());
            }
            connection = null;
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    // Reads go through a transaction too: a report then sees one consistent state of the store.
    private synchronized <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Connection c;
            try {
                c = connection();
            } catch (SQLException e) {
                last = e;
                pause(attempt);
                continue;
            }
            try {
                dialect.begin(c);
                T result = work.run(c);
                dialect.commit(c);
                return result;
            } catch (SQLException e) {
                dialect.rollbackQuietly(c);
                last = e;
                if (!dialect.isTransient(e)) {
                    throw new StoreException(describe(e), e, isBadData(e));
                }
                Logger.warn("store busy or disconnected ({}); try {} of {}", e.getMessage(), attempt, ATTEMPTS);
                dropConnectionIfBroken();
                pause(attempt);
            } catch (RuntimeException e) {
                dialect.rollbackQuietly(c);
                throw e;
            }
        }
        throw new StoreException(describe(last) + " (gave up after " + ATTEMPTS + " tries)", last, false);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dialect.connect(jdbcUrl, user, password);
        }
        return connection;
    }

    private void dropConnectionIfBroken() {
        try {
            if (connection != null && !connection.isValid(2)) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            connection = null;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // PostgreSQL refuses some text SQLite takes (e.g. a NUL character): class 22 is "data exception".
    private boolean isBadData(SQLException e) {
        return dialect == SqlDialect.POSTGRES && e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    private String describe(SQLException e) {
        String where = dialect == SqlDialect.SQLITE ? jdbcUrl : jdbcUrl.replaceAll("password=[^&]*", "password=***");
        // A failed JDBC batch says "Batch entry 0 INSERT … was aborted" with every value: the cause is shorter.
        SQLException cause = e instanceof java.sql.BatchUpdateException && e.getNextException() != null
                ? e.getNextException() : e;
        return "store " + where + ": " + (cause == null ? "unreachable" : cause.getMessage());
    }
}
