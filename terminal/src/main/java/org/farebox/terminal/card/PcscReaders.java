package org.farebox.terminal.card;

import java.util.List;
import java.util.regex.Pattern;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/** Finds a PC/SC reader by a name pattern, so the same config works for an ACR122U, a HAT or vpcd. */
public final class PcscReaders {
    private PcscReaders() {
    }

    public static CardTerminal find(TerminalFactory factory, Pattern namePattern, String role) throws ReaderException {
        List<CardTerminal> all;
        try {
            all = factory.terminals().list();
        } catch (CardException e) {
            throw new ReaderException("cannot list PC/SC readers (is pcscd running?): " + e.getMessage(), e);
        }
        for (CardTerminal t : all) {
            if (namePattern.matcher(t.getName()).matches()) {
                return t;
            }
        }
        StringBuilder names = new StringBuilder();
        for (CardTerminal t : all) {
            names.append(names.length() == 0 ? "" : ", ").append('"').append(t.getName()).append('"');
        }
        throw new ReaderException("no " + role + " reader matches /" + namePattern.pattern() + "/; readers present: "
                + (names.length() == 0 ? "none" : names), null);
    }
}
