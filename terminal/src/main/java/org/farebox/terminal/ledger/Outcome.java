package org.farebox.terminal.ledger;

/**
 * What the passenger was told at the tap; one per ledger row. {@code NO_FARE}: the fare table has no fare for the
 * ride (not charged); {@code PASSBACK}: the card already paid here within the anti-passback window (not charged).
 */
public enum Outcome {
    PAID, LOW_BALANCE, DENIED, CARD_BLOCKED, CARD_EXPIRED, CARD_NOT_YET_VALID, UNKNOWN_ISSUER, CARD_ERROR, VOIDED, GREY,
    NO_FARE, PASSBACK
}
