package org.farebox.terminal.settle;

import java.util.ArrayList;
import java.util.List;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.farebox.terminal.card.CardFault;
import org.farebox.terminal.card.CardLostException;
import org.farebox.terminal.card.CardStatusException;
import org.farebox.terminal.card.TUnionCard;
import org.farebox.terminal.fare.FareQuote;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.hmi.Hmi;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.Mac2Check;
import org.farebox.terminal.sam.PurchaseAuthorization;
import org.farebox.terminal.sam.PurchaseRequest;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.sam.SamException;
import org.farebox.terminal.settle.PurchaseStateMachine.Event;
import org.farebox.terminal.settle.PurchaseStateMachine.Final;
import org.tinylog.Logger;

/**
 * One secured purchase on a card (PROTOCOLS.md §1.5): INITIALIZE, MAC1 from the SAM, a durable PENDING
 * intent, the journey record, DEBIT, the passenger's OK, then MAC2 through the SAM and the final row.
 * From the moment the intent is written, every path ends in the ledger: a final row or an open
 * UNCERTAIN intent that waits for the card to come back.
 */
final class CardPurchase {
    private final TapSettings settings;
    private final Sam sam;
    private final Ledger ledger;
    private final Hmi hmi;
    private final KeyMismatchGuard keyGuard;

    CardPurchase(TapSettings settings, Sam sam, Ledger ledger, Hmi hmi, KeyMismatchGuard keyGuard) {
        this.settings = settings;
        this.sam = sam;
        this.ledger = ledger;
        this.hmi = hmi;
        this.keyGuard = keyGuard;
    }

    TapResult run(TUnionCard card, TapFacts f, FareQuote quote, JourneyRecord journey, long fareVersion)
            throws CardFault, SamException {
        List<TapRecord> rows = new ArrayList<>();
        long amount = quote.amountFen();
        PurchaseInitResponse init;
        try {
            init = card.initializeForPurchase(settings.capp(), sam.purchaseKeyIndex(), amount, sam.terminalNumber());
        } catch (CardStatusException e) {
            if (e.statusWord() != StatusWord.INSUFFICIENT_BALANCE) {
                throw e;
            }
            f.balance = readBalanceQuietly(card);
            Display d = Display.lowBalance(f.balance, amount);
            rows.add(ledger.append(f.refusal(settings, fareVersion, Outcome.LOW_BALANCE,
                    "balance below the fare of " + amount).build()));
            hmi.show(d);
            return new TapResult(d, rows);
        }
        f.balance = init.balance();
        f.counter = init.counter();
        if (!settings.supportedAlgorithms().contains(init.algorithmId())) {
            return refuseCard(f, fareVersion, "card algorithm " + String.format("%02X", init.algorithmId())
                    + " is not supported", "NOT SUPPORTED");
        }
        int type = settings.capp() ? TUnion.TYPE_CAPP_PURCHASE : TUnion.TYPE_PURCHASE;
        PurchaseRequest request = new PurchaseRequest(init.random(), init.counter(), amount, type, f.dateTime7,
                init.keyVersion(), init.algorithmId(), f.card.diversificationFactor(), f.card.issuerId());
        PurchaseAuthorization auth = sam.authorizePurchase(request);
        JourneyRecord boarded = journey == null ? null
                : withFareState(journey.boarded(routeNumber(), settings.stop(), sam.terminalNumber(), f.localTime,
                        amount), quote);
        PurchaseIntent intent = ledger.recordIntent(IntentRows.pending(settings, f, amount, type, auth,
                Hex.of(sam.terminalNumber()), fareVersion, boarded == null ? "" : Hex.of(boarded.encode())));
        TUnionCard.Proof proof;
        boolean debitSent = false;
        try {
            if (boarded != null) {
                card.updateJourney(boarded);
            }
            debitSent = true;
            proof = card.debit(auth.terminalSerial4(), f.dateTime7, auth.mac1());
        } catch (CardStatusException e) {
            if (debitSent && counterMoved(card, f)) {
                // The card counted a purchase although its answer says it refused: the answer was garbled.
                return leaveUncertain(intent, f, e, card, rows);
            }
            if (debitSent && e.statusWord() == StatusWord.MAC_INVALID) {
                keyGuard.mac1Refused(f.serial);
            }
            return closeWithoutDebit(intent, f, e.getMessage(), rows, Display.cardRejected("CARD ERROR"));
        } catch (CardFault e) {
            if (!debitSent) {
                // DEBIT was never sent, so the card cannot have moved money: the purchase is void. A card that
                // merely left the field is asked back, as for any card lost before the debit.
                return closeWithoutDebit(intent, f, e.getMessage(), rows,
                        e instanceof CardLostException ? Display.tapAgain() : Display.cardRejected("CARD ERROR"));
            }
            return leaveUncertain(intent, f, e, card, rows);
        }
        PurchaseStateMachine.next(intent.state(), Event.DEBIT_ANSWERED);
        keyGuard.debitAccepted();
        ledger.markDebited(intent.id(), Hex.of(proof.tac()), Hex.of(proof.mac2()));
        long after = init.balance() - amount;
        Display paid = Display.paid(amount, after, quote.riderCategory());
        hmi.show(paid);
        // MAC2 goes to the SAM only now, with the passenger already on their way (CSReader does the same).
        Event mac2 = mac2Event(auth, proof.mac2());
        Final end = (Final) PurchaseStateMachine.next(IntentState.DEBITED, mac2);
        if (mac2 == Event.MAC2_INVALID) {
            Logger.error("card {} debited {} fen but its MAC2 {} is wrong: recorded as MAC2_FAIL", f.serial, amount,
                    Hex.of(proof.mac2()));
        }
        rows.add(ledger.resolve(intent.id(), IntentRows.finalRow(intent, end.state(), after, init.counter() + 1,
                Hex.of(proof.tac()), Hex.of(proof.mac2()), quote.rule())));
        return new TapResult(paid, rows);
    }

    private Event mac2Event(PurchaseAuthorization auth, byte[] mac2) {
        try {
            Mac2Check check = sam.confirmPurchase(auth, mac2);
            switch (check) {
                case VALID: return Event.MAC2_VALID;
                case INVALID: return Event.MAC2_INVALID;
                default: return Event.MAC2_UNAVAILABLE;
            }
        } catch (SamException e) {
            Logger.warn("SAM could not check MAC2 ({}); the TAC stays the proof", e.getMessage());
            return Event.MAC2_UNAVAILABLE;
        }
    }

    private TapResult closeWithoutDebit(PurchaseIntent intent, TapFacts f, String why, List<TapRecord> rows,
            Display d) {
        Final end = (Final) PurchaseStateMachine.next(intent.state(), Event.DEBIT_REFUSED);
        Logger.warn("purchase on card {} void before any debit: {}", f.serial, why);
        rows.add(ledger.resolve(intent.id(), IntentRows.finalRow(intent, end.state(), f.balance, f.counter, "", "", why)));
        hmi.show(d);
        return new TapResult(d, rows);
    }

    private TapResult leaveUncertain(PurchaseIntent intent, TapFacts f, CardFault e, TUnionCard card,
            List<TapRecord> rows) {
        PurchaseStateMachine.next(intent.state(), Event.DEBIT_LOST);
        ledger.markUncertain(intent.id(), f.time.plus(settings.retapWindow()));
        Logger.warn("card {} lost during DEBIT ({}); waiting {} s for it to come back", f.serial,
                e.getMessage(), settings.retapWindow().toSeconds());
        Logger.debug("APDUs of the torn tap of card {}:\n{}", f.serial, card.trail());
        Display d = Display.tapAgain();
        hmi.show(d);
        return new TapResult(d, rows);
    }

    /**
     * Re-reads the card's counter (INITIALIZE with amount 0 changes nothing) after DEBIT was refused. A card
     * that refuses that too is consistent in refusing; one that cannot be read may have debited.
     */
    private boolean counterMoved(TUnionCard card, TapFacts f) {
        try {
            return card.initializeForPurchase(settings.capp(), sam.purchaseKeyIndex(), 0, sam.terminalNumber())
                    .counter() != f.counter;
        } catch (CardStatusException e) {
            return false;
        } catch (CardFault e) {
            return true;
        }
    }

    private TapResult refuseCard(TapFacts f, long fareVersion, String why, String shortReason) {
        TapRecord row = ledger.append(f.refusal(settings, fareVersion, Outcome.CARD_ERROR, why).build());
        Display d = Display.cardRejected(shortReason);
        hmi.show(d);
        return new TapResult(d, List.of(row));
    }

    private static long readBalanceQuietly(TUnionCard card) {
        try {
            return card.balance();
        } catch (CardFault e) {
            return -1;
        }
    }

    // Farebox's journey state goes into the same 80DC image as the boarding: written atomically with the debit.
    private static JourneyRecord withFareState(JourneyRecord boarded, FareQuote quote) {
        return quote.cardState().isEmpty() ? boarded
                : JourneyRecord.parse(quote.cardState().get().writeInto(boarded.encode()));
    }

    // The journey record has a 2-byte binary line number; route labels that are not numbers record 0.
    private int routeNumber() {
        try {
            int n = Integer.parseInt(settings.route());
            return n >= 0 && n <= 0xFFFF ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
