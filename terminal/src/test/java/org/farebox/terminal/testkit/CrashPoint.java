package org.farebox.terminal.testkit;

/** Where a {@link CrashingLedger} makes the terminal die, as a kill -9 or a power cut would. */
public enum CrashPoint {
    /** Right after the PENDING intent is durable: DEBIT was never sent, the card is untouched. */
    AFTER_INTENT_RECORDED,
    /** When the terminal would record the card's TAC: the card has debited, the intent is still PENDING. */
    BEFORE_MARK_DEBITED,
    /** When the terminal would write the final row: the intent is DEBITED with its TAC, no row yet. */
    BEFORE_RESOLVE
}
