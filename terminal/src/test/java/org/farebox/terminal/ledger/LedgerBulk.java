package org.farebox.terminal.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * Builds a big ledger fast for tests: the ledger's own schema, hash function and row binding, but
 * all rows in one transaction with the chain kept in memory instead of read back per row.
 */
public final class LedgerBulk {
    private LedgerBulk() {
    }

    /** Creates {@code file} (must not exist) with {@code rows} chained rows of {@code terminalId} from {@code drafts}. */
    public static void create(Path file, String terminalId, long rows, LongFunction<TapRecord> drafts)
            throws SQLException {
        SqliteLedger.open(file, terminalId, LedgerOptions.defaults()).close(); // schema, current version
        try (Connection c = LedgerFixtures.raw(file); Statement s = c.createStatement();
                PreparedStatement insert = c.prepareStatement("INSERT INTO taps (" + TapRows.COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.execute("PRAGMA synchronous = OFF");
            s.execute("BEGIN IMMEDIATE");
            String prev = CanonicalRow.GENESIS_PREV_HASH;
            for (long n = 1; n <= rows; n++) {
                TapRecord unhashed = drafts.apply(n).chained(terminalId, n, prev, "");
                TapRecord row = unhashed.chained(terminalId, n, prev, CanonicalRow.hash(prev, unhashed));
                TapRows.bind(insert, row);
                insert.addBatch();
                if (n % 10_000 == 0) {
                    insert.executeBatch();
                }
                prev = row.hash();
            }
            insert.executeBatch();
            s.execute("COMMIT");
        }
    }

    /** A paid row stamped {@code time}: what {@link #create} needs for a quick big ledger. */
    public static TapRecord paid(long n, Instant time) {
        return TapRecord.draft().time(time).cardSerial(String.format("31040000%012d", n)).cardType(1)
                .riderCategory("adult").amountFen(200).balanceBeforeFen(100_000).balanceAfterFen(99_800)
                .cardCounter((int) (n & 0xFFFF)).psamTerminalNo("000012345678").psamSerial(n).tac("0A1B2C3D")
                .mac2("11223344").transactionType(6).fareTableVersion(7).route("R12").stop("S3").outcome(Outcome.PAID)
                .state(SettlementState.COMPLETE).detail("tap " + n).build();
    }
}
