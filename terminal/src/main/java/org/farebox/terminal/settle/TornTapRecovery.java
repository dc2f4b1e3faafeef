package org.farebox.terminal.settle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.PurseLogRecord;
import org.farebox.protocol.pboc.TUnion;
import org.farebox.terminal.card.CardFault;
import org.farebox.terminal.card.TUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.Mac2Check;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.sam.SamException;
import org.farebox.terminal.settle.PurchaseStateMachine.Event;
import org.farebox.terminal.settle.PurchaseStateMachine.Final;
import org.farebox.terminal.settle.PurchaseStateMachine.Next;
import org.farebox.terminal.settle.PurchaseStateMachine.Open;
import org.tinylog.Logger;

/**
 * Resolves purchases whose DEBIT answer was lost (PROTOCOLS.md §1.8): when the same card comes back,
 * its offline counter tells whether the debit happened; GET TRANSACTION PROVE fetches the proof if it
 * did. Purchases whose card never comes back become grey rows for the clearing host.
 */
final class TornTapRecovery {
    /** What a re-tap did with the open purchase: the rows it wrote, and whether the ride is now paid. */
    record Recovery(List<TapRecord> rows, Optional<Display> paid) {
    }

    private final TapSettings settings;
    private final Sam sam;
    private final Ledger ledger;

    TornTapRecovery(TapSettings settings, Sam sam, Ledger ledger) {
        this.settings = settings;
        this.sam = sam;
        this.ledger = ledger;
    }

    /** The open, unresolved purchase of this card, if any. */
    Optional<PurchaseIntent> openFor(String cardSerial) {
        return ledger.openIntents().stream()
                .filter(i -> i.cardSerial().equals(cardSerial) && i.state() != IntentState.DEBITED)
                .findFirst();
    }

    /** Re-reads the card's counter and settles the open purchase; the card session ends in a clean state. */
    Recovery recover(TUnionCard card, TapFacts f, PurchaseIntent intent) throws CardFault {
        boolean capp = intent.transactionType() == TUnion.TYPE_CAPP_PURCHASE;
        // INITIALIZE with amount 0 changes nothing on the card but tells its current counter and balance.
        PurchaseInitResponse now = card.initializeForPurchase(capp, sam.purchaseKeyIndex(), 0, sam.terminalNumber());
        int before = intent.initCounter();
        List<TapRecord> rows = new ArrayList<>();
        if (now.counter() == before) {
            rows.add(close(intent, Event.RETAP_NOT_DEBITED, now, "", "", "re-tap: counter unchanged, no debit"));
            return new Recovery(rows, Optional.empty());
        }
        // 805A answers for whatever purchase took the card to before + 1, ours or another terminal's: only ask
        // for the proof when the card's own log shows that purchase was ours.
        if (now.counter() == before + 1 && isOurs(card.lastPurseLog(), intent)) {
            Optional<TUnionCard.Proof> proof = card.transactionProve(intent.transactionType(), before + 1);
            if (proof.isPresent()) {
                return settleProven(intent, f, now, proof.get());
            }
        }
        rows.add(close(intent, Event.RETAP_UNRESOLVABLE, now, "", "",
                "re-tap: counter " + before + " -> " + now.counter() + " without our proof"));
        return new Recovery(rows, Optional.empty());
    }

    /** Whether the card's newest purse log record is this intent's purchase: counter, amount, type, terminal, time. */
    private static boolean isOurs(Optional<PurseLogRecord> newest, PurchaseIntent intent) {
        if (newest.isEmpty()) {
            return false;
        }
        PurseLogRecord r = newest.get();
        // Issuers differ on whether the log keeps the counter before or after the purchase (PROTOCOLS.md
        // §1.2.3 [U]); amount, type, terminal and the second of the purchase pin it down either way.
        int c = intent.initCounter();
        return (r.counter() == c || r.counter() == c + 1) && r.amount() == intent.amountFen()
                && r.transactionType() == intent.transactionType()
                && Hex.of(r.terminalNo()).equalsIgnoreCase(intent.psamTerminalNo())
                && Bcd.toDigits(Bcd.dateTime(r.time()), 0, 7).equals(intent.dateTime());
    }

    private Recovery settleProven(PurchaseIntent intent, TapFacts f, PurchaseInitResponse now, TUnionCard.Proof p) {
        Next debited = PurchaseStateMachine.next(intent.state(), Event.RETAP_DEBITED_WITH_PROOF);
        ledger.markDebited(intent.id(), Hex.of(p.tac()), Hex.of(p.mac2()));
        Event mac2;
        try {
            Mac2Check check = sam.confirmPurchase(IntentRows.authorization(intent, f.card), p.mac2());
            mac2 = check == Mac2Check.VALID ? Event.MAC2_VALID
                    : check == Mac2Check.INVALID ? Event.MAC2_INVALID : Event.MAC2_UNAVAILABLE;
        } catch (SamException e) {
            mac2 = Event.MAC2_UNAVAILABLE;
        }
        Final end = (Final) PurchaseStateMachine.next(((Open) debited).state(), mac2);
        TapRecord row = ledger.resolve(intent.id(), IntentRows.finalRow(intent, end.state(), now.balance(),
                now.counter(), Hex.of(p.tac()), Hex.of(p.mac2()), "recovered with GET TRANSACTION PROVE"));
        Logger.info("torn tap of card {} recovered: debit of {} fen proven ({})", intent.cardSerial(),
                intent.amountFen(), end.state());
        return new Recovery(List.of(row), Optional.of(Display.paid(intent.amountFen(), now.balance(),
                intent.riderCategory())));
    }

    private TapRecord close(PurchaseIntent intent, Event event, PurchaseInitResponse now, String tac, String mac2,
            String detail) {
        Final end = (Final) PurchaseStateMachine.next(intent.state(), event);
        Logger.info("torn tap of card {} resolved as {}: {}", intent.cardSerial(), end.state(), detail);
        return ledger.resolve(intent.id(), IntentRows.finalRow(intent, end.state(), now.balance(), now.counter(),
                tac, mac2, detail));
    }

    /** Turns purchases whose re-tap window has passed into grey rows. */
    List<TapRecord> expire(Instant now) {
        List<TapRecord> rows = new ArrayList<>();
        for (PurchaseIntent i : ledger.openIntents()) {
            if (i.state() == IntentState.UNCERTAIN && i.expiresAt() != null && !now.isBefore(i.expiresAt())) {
                Final end = (Final) PurchaseStateMachine.next(i.state(), Event.WINDOW_EXPIRED);
                Logger.warn("card {} did not come back within {} s: grey record for clearing", i.cardSerial(),
                        settings.retapWindow().toSeconds());
                rows.add(ledger.resolve(i.id(), IntentRows.finalRow(i, end.state(), -1, -1, "", "",
                        "card did not come back: outcome unknown")));
            }
        }
        return rows;
    }

    /**
     * After a restart: a purchase that had its DEBIT answer is final (its TAC is the proof; the PSAM
     * session that could check MAC2 is gone); one that was PENDING waits for its card like a torn tap.
     */
    List<TapRecord> resumeAfterRestart(Instant now) {
        List<TapRecord> rows = new ArrayList<>();
        for (PurchaseIntent i : ledger.openIntents()) {
            Next next = PurchaseStateMachine.next(i.state(), Event.RESTARTED);
            IntentState state = ((Open) next).state();
            if (state == IntentState.DEBITED) {
                Final end = (Final) PurchaseStateMachine.next(state, Event.MAC2_UNAVAILABLE);
                rows.add(ledger.resolve(i.id(), IntentRows.finalRow(i, end.state(), i.balanceBeforeFen() - i.amountFen(),
                        i.initCounter() + 1, i.tac(), i.mac2(), "completed after restart")));
            } else if (i.state() == IntentState.PENDING) {
                ledger.markUncertain(i.id(), now.plus(settings.retapWindow()));
                Logger.warn("purchase of card {} was open at restart: waiting {} s for the card",
                        i.cardSerial(), settings.retapWindow().toSeconds());
            }
        }
        return rows;
    }
}
