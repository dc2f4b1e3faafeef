package org.farebox.terminal.ledger;

/** What the passenger was told at the tap; one per ledger row. */
public enum Outcome {
    PAID, LOW_BALANCE, DENIED, CARD_BLOCKED, CARD_EXPIRED, CARD_NOT_YET_VALID, UNKNOWN_ISSUER, CARD_ERROR, VOIDED, GREY
}
