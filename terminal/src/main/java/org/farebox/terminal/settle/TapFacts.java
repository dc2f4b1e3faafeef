package org.farebox.terminal.settle;

import java.time.Instant;
import java.time.LocalDateTime;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;

/**
 * What the terminal has learned about the card during one tap. Filled in as the card answers, so a row
 * written at any point (a refusal, an error) carries everything known so far.
 */
final class TapFacts {
    final Instant time;
    final LocalDateTime localTime;
    final byte[] dateTime7;
    PublicBasicData card;
    String serial = "";
    int cardType = -1;
    String category = "";
    long balance = -1;
    int counter = -1;

    TapFacts(Instant time, LocalDateTime localTime) {
        this.time = time;
        this.localTime = localTime;
        this.dateTime7 = Bcd.dateTime(localTime);
    }

    /** A row for a tap that moved no money. */
    TapRecord.Builder refusal(TapSettings s, long fareVersion, Outcome outcome, String detail) {
        return TapRecord.draft().terminalId(s.terminalId()).time(time).cardSerial(serial).cardType(cardType)
                .riderCategory(category).amountFen(0).balanceBeforeFen(balance).balanceAfterFen(balance)
                .cardCounter(counter).fareTableVersion(fareVersion).route(s.route()).stop(Integer.toString(s.stop()))
                .outcome(outcome).state(SettlementState.NO_DEBIT).detail(detail);
    }
}
