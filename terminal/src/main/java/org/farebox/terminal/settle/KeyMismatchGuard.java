package org.farebox.terminal.settle;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Protects passengers' cards from a terminal with the wrong keys. A card counts every DEBIT whose MAC1 it
 * refuses (9302) and locks itself for good after a few; so a card refused once here is not sent DEBIT
 * again by this terminal, and when two different cards in a row refuse MAC1 the fault is the terminal's
 * keys, not the cards: it goes out of service until an operator fixes it.
 */
final class KeyMismatchGuard {
    private static final int MAX_REMEMBERED = 1_000;
    static final int CARDS_TO_SUSPECT_TERMINAL = 2;

    private final Set<String> refusedHere = new LinkedHashSet<>();
    private String lastFailure;
    private int distinctInARow;

    /** True when this card already refused MAC1 from this terminal. */
    boolean refusedBefore(String cardSerial) {
        return refusedHere.contains(cardSerial);
    }

    /** True when the terminal's own keys are the likely fault. */
    boolean terminalSuspect() {
        return distinctInARow >= CARDS_TO_SUSPECT_TERMINAL;
    }

    void mac1Refused(String cardSerial) {
        if (!cardSerial.equals(lastFailure)) {
            distinctInARow++;
            lastFailure = cardSerial;
        }
        refusedHere.add(cardSerial);
        if (refusedHere.size() > MAX_REMEMBERED) {
            refusedHere.remove(refusedHere.iterator().next());
        }
    }

    void debitAccepted() {
        distinctInARow = 0;
        lastFailure = null;
    }
}
