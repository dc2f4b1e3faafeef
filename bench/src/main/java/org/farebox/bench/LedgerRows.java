package org.farebox.bench;

import java.time.Instant;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;

/** Ledger rows and intents shaped like a paid bus tap's, numbered so each is distinct. */
final class LedgerRows {
    private static final String SERIAL = "31045101990000000001";
    private static final String PSAM = "000051019999";

    private LedgerRows() {
    }

    static TapRecord paidRow(long n) {
        return TapRecord.draft().terminalId(BenchTerminal.TERMINAL_ID).time(Instant.now()).cardSerial(SERIAL)
                .cardType(1).riderCategory("adult").amountFen(200).balanceBeforeFen(400_000_000L - 200 * n)
                .balanceAfterFen(400_000_000L - 200 * (n + 1)).cardCounter((int) (n & 0xFFFF)).psamTerminalNo(PSAM)
                .psamSerial(n).tac("0A1B2C3D").mac2("4E5F6071").transactionType(9).fareTableVersion(1).route("101")
                .stop("3").outcome(Outcome.PAID).state(SettlementState.COMPLETE).detail("flat:101:adult").build();
    }

    static PurchaseIntent pendingIntent(long n) {
        return PurchaseIntent.pending().createdAt(Instant.now()).terminalId(BenchTerminal.TERMINAL_ID)
                .cardSerial(SERIAL).cardType(1).riderCategory("adult").amountFen(200)
                .balanceBeforeFen(400_000_000L - 200 * n).initCounter((int) (n & 0xFFFF)).keyVersion(1).algorithmId(0)
                .transactionType(9).cardRandom("1A2B3C4D").psamTerminalNo(PSAM).psamSerial(n)
                .dateTime("20261122083000").fareTableVersion(1).route("101").stop("3").journeyImage("").build();
    }

    static TapRecord finalRow(PurchaseIntent intent) {
        return TapRecord.draft().from(intent).time(intent.createdAt()).balanceAfterFen(intent.balanceBeforeFen() - 200)
                .cardCounter(intent.initCounter() + 1).tac("0A1B2C3D").mac2("4E5F6071").outcome(Outcome.PAID)
                .state(SettlementState.COMPLETE).detail("flat:101:adult").build();
    }
}
