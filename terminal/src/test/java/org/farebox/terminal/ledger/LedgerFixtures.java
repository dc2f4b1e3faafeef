package org.farebox.terminal.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

/** Drafts, intents and raw SQL access shared by the ledger tests. */
final class LedgerFixtures {

    static final String TERMINAL = "T-0042";
    static final String PSAM = "000012345678";
    static final Instant T0 = Instant.parse("2025-03-01T07:30:00.123Z");

    private LedgerFixtures() {
    }

    static TapRecord paid(int n) {
        return TapRecord.draft().time(T0.plusSeconds(n)).cardSerial(serial(n)).cardType(1).riderCategory("adult")
                .amountFen(200).balanceBeforeFen(5000).balanceAfterFen(4800).cardCounter(n).psamTerminalNo(PSAM)
                .psamSerial(n).tac("0A1B2C3D").mac2("11223344").transactionType(6).fareTableVersion(7).route("R12")
                .stop("S3").outcome(Outcome.PAID).state(SettlementState.COMPLETE).detail("tap " + n).build();
    }

    static PurchaseIntent intent(int n) {
        return PurchaseIntent.pending().createdAt(T0.plusSeconds(n)).cardSerial(serial(n)).cardType(1)
                .riderCategory("adult").amountFen(200).balanceBeforeFen(5000).initCounter(n).keyVersion(1)
                .algorithmId(0).transactionType(6).cardRandom("A1B2C3D4").psamTerminalNo(PSAM).psamSerial(n)
                .dateTime("20250301073000").fareTableVersion(7).route("R12").stop("S3").journeyImage("").build();
    }

    static String serial(int n) {
        return String.format("31040000%012d", n);
    }

    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static SqliteLedger open(Path file) {
        return SqliteLedger.open(file, TERMINAL, LedgerOptions.defaults());
    }
}
