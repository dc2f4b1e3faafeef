package org.farebox.terminal.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a ledger file exactly as schema version 1 left it (DDL copied here on purpose: it is what
 * terminals in the field have, whatever the current code says).
 */
final class V1Ledger {

    static final long INTENT_PSAM_SERIAL = 55;

    private V1Ledger() {
    }

    static List<TapRecord> write(Path file, int rows) throws SQLException {
        List<TapRecord> written = new ArrayList<>();
        try (Connection c = LedgerFixtures.raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + 0x46424C47);
            s.execute("CREATE TABLE taps (terminal_id TEXT NOT NULL, sequence INTEGER NOT NULL CHECK (sequence >= 1), "
                    + "time_ms INTEGER NOT NULL, card_serial TEXT NOT NULL, card_type INTEGER NOT NULL, "
                    + "rider_category TEXT NOT NULL, amount_fen INTEGER NOT NULL, balance_before_fen INTEGER NOT NULL, "
                    + "balance_after_fen INTEGER NOT NULL, card_counter INTEGER NOT NULL, psam_terminal_no TEXT NOT NULL, "
                    + "psam_serial INTEGER NOT NULL, tac TEXT NOT NULL, mac2 TEXT NOT NULL, "
                    + "transaction_type INTEGER NOT NULL, fare_table_version INTEGER NOT NULL, route TEXT NOT NULL, "
                    + "stop TEXT NOT NULL, outcome TEXT NOT NULL, state TEXT NOT NULL, detail TEXT NOT NULL, "
                    + "prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (terminal_id, sequence)) STRICT");
            s.execute("CREATE TABLE intents (id INTEGER PRIMARY KEY AUTOINCREMENT, state TEXT NOT NULL, "
                    + "created_at_ms INTEGER NOT NULL, expires_at_ms INTEGER, terminal_id TEXT NOT NULL, "
                    + "card_serial TEXT NOT NULL, card_type INTEGER NOT NULL, rider_category TEXT NOT NULL, "
                    + "amount_fen INTEGER NOT NULL, balance_before_fen INTEGER NOT NULL, init_counter INTEGER NOT NULL, "
                    + "key_version INTEGER NOT NULL, algorithm_id INTEGER NOT NULL, transaction_type INTEGER NOT NULL, "
                    + "card_random TEXT NOT NULL, psam_terminal_no TEXT NOT NULL, psam_serial INTEGER NOT NULL, "
                    + "date_time TEXT NOT NULL, fare_table_version INTEGER NOT NULL, route TEXT NOT NULL, "
                    + "stop TEXT NOT NULL, journey_image TEXT NOT NULL, tac TEXT NOT NULL, mac2 TEXT NOT NULL) STRICT");
            String prev = CanonicalRow.GENESIS_PREV_HASH;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO taps (" + TapRows.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int n = 1; n <= rows; n++) {
                    TapRecord unhashed = LedgerFixtures.paid(n).chained(LedgerFixtures.TERMINAL, n, prev, "");
                    TapRecord row = unhashed.chained(LedgerFixtures.TERMINAL, n, prev, CanonicalRow.hash(prev, unhashed));
                    List<Object> values = List.of(row.sequence(), row.terminalId(), row.time().toEpochMilli(),
                            row.cardSerial(), row.cardType(), row.riderCategory(), row.amountFen(),
                            row.balanceBeforeFen(), row.balanceAfterFen(), row.cardCounter(), row.psamTerminalNo(),
                            row.psamSerial(), row.tac(), row.mac2(), row.transactionType(), row.fareTableVersion(),
                            row.route(), row.stop(), row.outcome().name(), row.state().name(), row.detail(),
                            row.prevHash(), row.hash());
                    for (int i = 0; i < values.size(); i++) {
                        insert.setObject(i + 1, values.get(i));
                    }
                    insert.executeUpdate();
                    written.add(row);
                    prev = row.hash();
                }
            }
            s.execute("INSERT INTO intents (state, created_at_ms, expires_at_ms, terminal_id, card_serial, card_type, "
                    + "rider_category, amount_fen, balance_before_fen, init_counter, key_version, algorithm_id, "
                    + "transaction_type, card_random, psam_terminal_no, psam_serial, date_time, fare_table_version, "
                    + "route, stop, journey_image, tac, mac2) VALUES ('PENDING', 1740814200000, NULL, '"
                    + LedgerFixtures.TERMINAL + "', '310400000000000077', 1, 'adult', 200, 5000, 12, 1, 0, 6, "
                    + "'A1B2C3D4', '" + LedgerFixtures.PSAM + "', " + INTENT_PSAM_SERIAL + ", '20250301073000', 7, "
                    + "'R12', 'S3', '', '', '')");
            s.execute("PRAGMA user_version = 1");
        }
        return written;
    }
}
