package org.farebox.terminal.ledger;

/** Where an open card purchase stands before it becomes a ledger row. */
public enum IntentState {
    /** Written before the debit command; the card may or may not have been debited. */
    PENDING,
    /** The card's TAC proves the debit; the row is still to be written. */
    DEBITED,
    /** The card went away mid-purchase; recovery may be tried until {@code expiresAt}. */
    UNCERTAIN
}
