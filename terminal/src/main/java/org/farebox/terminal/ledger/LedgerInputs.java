package org.farebox.terminal.ledger;

import java.util.regex.Pattern;

/** Checks what callers hand to the ledger, so a wiring bug fails loudly before anything is written. */
final class LedgerInputs {

    private static final Pattern HEX8 = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{14}");
    private static final Pattern EVEN_HEX = Pattern.compile("([0-9A-Fa-f]{2})*");

    private LedgerInputs() {
    }

    /** The terminal id the row or intent will carry: the ledger's own, when the caller left it "". */
    static String terminal(String given, String ledgerTerminal, String what) {
        if (given.isEmpty() || given.equals(ledgerTerminal)) {
            return ledgerTerminal;
        }
        throw new IllegalArgumentException(what + " is for terminal '" + given + "' but this ledger belongs to '"
                + ledgerTerminal + "'");
    }

    static void draft(TapRecord draft) {
        if (!draft.isDraft()) {
            throw new IllegalArgumentException("append takes a draft (sequence 0, prevHash and hash \"\"); got "
                    + "sequence " + draft.sequence() + ": the ledger assigns these itself");
        }
    }

    static void pendingIntent(PurchaseIntent i) {
        require(i.id() == 0, "a new intent must have id 0, got " + i.id());
        require(i.state() == IntentState.PENDING, "a new intent must be PENDING, got " + i.state());
        require(i.expiresAt() == null, "a new intent has no expiresAt (only UNCERTAIN ones do)");
        require(i.tac().isEmpty() && i.mac2().isEmpty(), "a new intent has no TAC or MAC2 yet");
        require(i.amountFen() >= 0, "intent amountFen must be >= 0, got " + i.amountFen());
        require(DATE_TIME.matcher(i.dateTime()).matches(),
                "intent dateTime must be 14 digits YYYYMMDDhhmmss, got '" + i.dateTime() + "'");
        require(HEX8.matcher(i.cardRandom()).matches(),
                "intent cardRandom must be 8 hex digits, got '" + i.cardRandom() + "'");
        require(EVEN_HEX.matcher(i.journeyImage()).matches(),
                "intent journeyImage must be hex bytes or \"\"");
    }

    static void debitProof(String tac, String mac2) {
        require(tac != null && HEX8.matcher(tac).matches(), "TAC must be 8 hex digits, got '" + tac + "'");
        require(mac2 != null && HEX8.matcher(mac2).matches(), "MAC2 must be 8 hex digits, got '" + mac2 + "'");
    }

    /** A resolving row must be about the intent's card; "" (unknown) is accepted. */
    static void sameCard(PurchaseIntent intent, TapRecord draft) {
        require(draft.cardSerial().isEmpty() || draft.cardSerial().equals(intent.cardSerial()),
                "intent " + intent.id() + " is for card " + intent.cardSerial() + " but the row is for card "
                        + draft.cardSerial());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
