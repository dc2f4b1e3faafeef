package org.farebox.terminal.settle;

import java.time.Instant;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.PurchaseAuthorization;
import org.farebox.terminal.sam.PurchaseRequest;

/** Conversions between an open purchase (intent) and the ledger row that closes it. */
final class IntentRows {
    private IntentRows() {
    }

    /** The final row of a purchase, with the outcome its settlement state implies. */
    static TapRecord finalRow(PurchaseIntent i, SettlementState state, long balanceAfter, int counterAfter,
            String tac, String mac2, String detail) {
        Outcome outcome = state.movedMoney() ? Outcome.PAID
                : state == SettlementState.VOID ? Outcome.VOIDED : Outcome.GREY;
        return TapRecord.draft().from(i).time(i.createdAt())
                .amountFen(state == SettlementState.VOID ? 0 : i.amountFen())
                .balanceAfterFen(balanceAfter).cardCounter(counterAfter).tac(tac).mac2(mac2)
                .outcome(outcome).state(state).detail(detail).build();
    }

    /** Rebuilds the SAM authorization of an intent so the SAM can check a MAC2 recovered later. */
    static PurchaseAuthorization authorization(PurchaseIntent i, PublicBasicData card) {
        PurchaseRequest r = new PurchaseRequest(Hex.parse(i.cardRandom()), i.initCounter(), i.amountFen(),
                i.transactionType(), Bcd.digits(i.dateTime()), i.keyVersion(), i.algorithmId(),
                card.diversificationFactor(), card.issuerId());
        // Session -1 matches no live PSAM session: a PSAM answers UNAVAILABLE, a software SAM recomputes.
        return new PurchaseAuthorization(r, i.psamSerial(), new byte[4], -1);
    }

    static PurchaseIntent pending(TapSettings s, TapFacts f, long amount, int type, PurchaseAuthorization a,
            String psamTerminalNo, long fareVersion, String journeyImage) {
        PurchaseRequest r = a.request();
        return new PurchaseIntent(0, IntentState.PENDING, f.time, (Instant) null,
                s.terminalId(), f.serial, f.cardType, f.category, amount, f.balance, r.cardCounter(), r.keyVersion(),
                r.algorithmId(), type, Hex.of(r.cardRandom()), psamTerminalNo, a.terminalSerial(),
                Bcd.toDigits(f.dateTime7, 0, 7), fareVersion, s.route(), Integer.toString(s.stop()), journeyImage, "", "");
    }
}
