package org.farebox.terminal.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.settle.PurchaseStateMachine.Event;
import org.farebox.terminal.settle.PurchaseStateMachine.Final;
import org.farebox.terminal.settle.PurchaseStateMachine.Next;
import org.farebox.terminal.settle.PurchaseStateMachine.Open;
import org.junit.jupiter.api.Test;

/** Every legal transition of a card purchase, and the refusal of every other one. */
class PurchaseStateMachineTest {
    private static final Map<IntentState, Map<Event, Next>> LEGAL = new HashMap<>();

    static {
        legal(IntentState.PENDING, Event.DEBIT_ANSWERED, new Open(IntentState.DEBITED));
        legal(IntentState.PENDING, Event.DEBIT_LOST, new Open(IntentState.UNCERTAIN));
        legal(IntentState.PENDING, Event.DEBIT_REFUSED, new Final(SettlementState.VOID));
        legal(IntentState.PENDING, Event.RESTARTED, new Open(IntentState.UNCERTAIN));
        legal(IntentState.DEBITED, Event.MAC2_VALID, new Final(SettlementState.COMPLETE));
        legal(IntentState.DEBITED, Event.MAC2_INVALID, new Final(SettlementState.MAC2_FAIL));
        legal(IntentState.DEBITED, Event.MAC2_UNAVAILABLE, new Final(SettlementState.DEBITED));
        legal(IntentState.DEBITED, Event.RESTARTED, new Open(IntentState.DEBITED));
        legal(IntentState.UNCERTAIN, Event.RETAP_NOT_DEBITED, new Final(SettlementState.VOID));
        legal(IntentState.UNCERTAIN, Event.RETAP_DEBITED_WITH_PROOF, new Open(IntentState.DEBITED));
        legal(IntentState.UNCERTAIN, Event.RETAP_UNRESOLVABLE, new Final(SettlementState.GREY));
        legal(IntentState.UNCERTAIN, Event.WINDOW_EXPIRED, new Final(SettlementState.GREY));
        legal(IntentState.UNCERTAIN, Event.RESTARTED, new Open(IntentState.UNCERTAIN));
    }

    private static void legal(IntentState from, Event e, Next to) {
        LEGAL.computeIfAbsent(from, k -> new HashMap<>()).put(e, to);
    }

    @Test
    void pendingPurchaseWhoseDebitIsAnsweredIsDebited() {
        assertEquals(new Open(IntentState.DEBITED), PurchaseStateMachine.next(IntentState.PENDING, Event.DEBIT_ANSWERED));
    }

    @Test
    void pendingPurchaseWhoseDebitIsLostWaitsForTheCard() {
        assertEquals(new Open(IntentState.UNCERTAIN), PurchaseStateMachine.next(IntentState.PENDING, Event.DEBIT_LOST));
    }

    @Test
    void debitRefusedByTheCardIsVoid() {
        assertEquals(new Final(SettlementState.VOID), PurchaseStateMachine.next(IntentState.PENDING, Event.DEBIT_REFUSED));
    }

    @Test
    void pendingPurchaseFoundAtRestartWaitsForTheCard() {
        assertEquals(new Open(IntentState.UNCERTAIN), PurchaseStateMachine.next(IntentState.PENDING, Event.RESTARTED));
    }

    @Test
    void validMac2CompletesADebit() {
        assertEquals(new Final(SettlementState.COMPLETE), PurchaseStateMachine.next(IntentState.DEBITED, Event.MAC2_VALID));
    }

    @Test
    void wrongMac2IsStillADebitButFlagged() {
        assertEquals(new Final(SettlementState.MAC2_FAIL), PurchaseStateMachine.next(IntentState.DEBITED, Event.MAC2_INVALID));
    }

    @Test
    void uncheckableMac2LeavesTheTacAsProof() {
        assertEquals(new Final(SettlementState.DEBITED),
                PurchaseStateMachine.next(IntentState.DEBITED, Event.MAC2_UNAVAILABLE));
    }

    @Test
    void debitedPurchaseSurvivesRestart() {
        assertEquals(new Open(IntentState.DEBITED), PurchaseStateMachine.next(IntentState.DEBITED, Event.RESTARTED));
    }

    @Test
    void retapWithUnchangedCounterVoidsThePurchase() {
        assertEquals(new Final(SettlementState.VOID),
                PurchaseStateMachine.next(IntentState.UNCERTAIN, Event.RETAP_NOT_DEBITED));
    }

    @Test
    void retapWithProofMakesThePurchaseDebited() {
        assertEquals(new Open(IntentState.DEBITED),
                PurchaseStateMachine.next(IntentState.UNCERTAIN, Event.RETAP_DEBITED_WITH_PROOF));
    }

    @Test
    void retapWithForeignCounterMovementIsGrey() {
        assertEquals(new Final(SettlementState.GREY),
                PurchaseStateMachine.next(IntentState.UNCERTAIN, Event.RETAP_UNRESOLVABLE));
    }

    @Test
    void cardThatNeverComesBackIsGrey() {
        assertEquals(new Final(SettlementState.GREY), PurchaseStateMachine.next(IntentState.UNCERTAIN, Event.WINDOW_EXPIRED));
    }

    @Test
    void uncertainPurchaseSurvivesRestart() {
        assertEquals(new Open(IntentState.UNCERTAIN), PurchaseStateMachine.next(IntentState.UNCERTAIN, Event.RESTARTED));
    }

    @Test
    void everyOtherTransitionIsRefused() {
        int refused = 0;
        for (IntentState from : IntentState.values()) {
            Set<Event> allowed = LEGAL.getOrDefault(from, Map.of()).keySet();
            for (Event e : EnumSet.complementOf(allowed.isEmpty() ? EnumSet.noneOf(Event.class) : EnumSet.copyOf(allowed))) {
                assertThrows(IllegalStateException.class, () -> PurchaseStateMachine.next(from, e), from + " on " + e);
                refused++;
            }
            for (Map.Entry<Event, Next> ok : LEGAL.getOrDefault(from, Map.of()).entrySet()) {
                assertEquals(ok.getValue(), PurchaseStateMachine.next(from, ok.getKey()), from + " on " + ok.getKey());
            }
        }
        assertEquals(IntentState.values().length * Event.values().length - 13, refused);
    }
}
