package org.farebox.terminal.card;

import org.farebox.protocol.pboc.StatusWord;

/** The card answered a command with a status word the terminal did not expect; the command did not take effect. */
public class CardStatusException extends CardFault {
    private static final long serialVersionUID = 1L;
    private final int statusWord;

    public CardStatusException(String command, int statusWord) {
        super(command + " refused with " + StatusWord.hex(statusWord) + " (" + StatusWord.describe(statusWord) + ")", null);
        this.statusWord = statusWord;
    }

    public int statusWord() {
        return statusWord;
    }
}
