package org.farebox.terminal.ledger;

/** What is known about the money of a ledger row, as the clearing host will settle it. */
public enum SettlementState {
    /** No debit was attempted or none happened. */
    NO_DEBIT,
    /** Debit done, MAC2 accepted by the SAM. */
    COMPLETE,
    /** Debit proven by the card's TAC, MAC2 not checked by the SAM. */
    DEBITED,
    /** Debit done but the SAM rejected the card's MAC2. */
    MAC2_FAIL,
    /** The tap was voided. */
    VOID,
    /** Unknown whether the card was debited; the clearing host decides from the card's own log. */
    GREY;

    /** True for the states whose amount was taken from the card. */
    public boolean movedMoney() {
        return this == COMPLETE || this == DEBITED || this == MAC2_FAIL;
    }
}
