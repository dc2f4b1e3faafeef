package org.farebox.terminal.settle;

import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.SettlementState;

/**
 * The life of a card purchase once MAC1 is computed (PROTOCOLS.md §1.8). An open purchase is an intent
 * in the ledger (PENDING, DEBITED, UNCERTAIN); every path ends in exactly one final ledger row whose
 * settlement state says what happened to the money. Every legal transition is listed here and nowhere
 * else; anything not listed is a programming error.
 */
public final class PurchaseStateMachine {
    /** What the terminal learned about an open purchase. */
    public enum Event {
        /** DEBIT FOR PURCHASE answered TAC and MAC2. */
        DEBIT_ANSWERED,
        /** The card left, or its answer to DEBIT was lost or garbled: the debit may or may not have happened. */
        DEBIT_LOST,
        /** The card refused DEBIT with a status word (or the purchase broke off before DEBIT was sent): no debit. */
        DEBIT_REFUSED,
        MAC2_VALID,
        MAC2_INVALID,
        /** The SAM session that could check MAC2 is gone; the TAC remains the proof. */
        MAC2_UNAVAILABLE,
        /** The same card came back and its counter had not moved: the debit never happened. */
        RETAP_NOT_DEBITED,
        /** The same card came back one transaction further and GET TRANSACTION PROVE returned the proof. */
        RETAP_DEBITED_WITH_PROOF,
        /** The same card came back but its counter moved without our proof: it was used elsewhere. */
        RETAP_UNRESOLVABLE,
        /** The re-tap window passed without the card. */
        WINDOW_EXPIRED,
        /** The daemon restarted (perhaps after a kill -9) with this purchase open. */
        RESTARTED
    }

    /** Where a transition leads: still open, or final. */
    public sealed interface Next permits Open, Final {
    }

    /** The purchase stays open in this state. */
    public record Open(IntentState state) implements Next {
    }

    /** The purchase ends with a ledger row in this settlement state. */
    public record Final(SettlementState state) implements Next {
    }

    private PurchaseStateMachine() {
    }

    public static Next next(IntentState from, Event event) {
        switch (from) {
            case PENDING:
                switch (event) {
                    case DEBIT_ANSWERED: return new Open(IntentState.DEBITED);
                    case DEBIT_LOST: return new Open(IntentState.UNCERTAIN);
                    case DEBIT_REFUSED: return new Final(SettlementState.VOID);
                    // After a crash nobody knows whether DEBIT reached the card: wait for it like a torn tap.
                    case RESTARTED: return new Open(IntentState.UNCERTAIN);
                    default: break;
                }
                break;
            case DEBITED:
                switch (event) {
                    case MAC2_VALID: return new Final(SettlementState.COMPLETE);
                    case MAC2_INVALID: return new Final(SettlementState.MAC2_FAIL);
                    case MAC2_UNAVAILABLE: return new Final(SettlementState.DEBITED);
                    case RESTARTED: return new Open(IntentState.DEBITED);
                    default: break;
                }
                break;
            case UNCERTAIN:
                switch (event) {
                    case RETAP_NOT_DEBITED: return new Final(SettlementState.VOID);
                    case RETAP_DEBITED_WITH_PROOF: return new Open(IntentState.DEBITED);
                    case RETAP_UNRESOLVABLE: return new Final(SettlementState.GREY);
                    case WINDOW_EXPIRED: return new Final(SettlementState.GREY);
                    case RESTARTED: return new Open(IntentState.UNCERTAIN);
                    default: break;
                }
                break;
            default:
                break;
        }
        throw new IllegalStateException("no transition from " + from + " on " + event);
    }
}
