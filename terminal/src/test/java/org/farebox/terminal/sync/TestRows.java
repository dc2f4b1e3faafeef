package org.farebox.terminal.sync;

import java.time.Instant;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;

/** Paid-tap drafts for the sync tests, numbered so each row differs. */
public final class TestRows {
    public static final String OPERATOR = "op1";

    private TestRows() {
    }

    public static TapRecord paid(long n, Instant time) {
        return TapRecord.draft().time(time).cardSerial(String.format("31040000%012d", n)).cardType(1)
                .riderCategory("adult").amountFen(200).balanceBeforeFen(100_000).balanceAfterFen(99_800)
                .cardCounter((int) (n & 0xFFFF)).psamTerminalNo("000012345678").psamSerial(n).tac("0A1B2C3D")
                .mac2("11223344").transactionType(6).fareTableVersion(7).route("R12").stop("S3").outcome(Outcome.PAID)
                .state(SettlementState.COMPLETE).detail("tap " + n).build();
    }
}
