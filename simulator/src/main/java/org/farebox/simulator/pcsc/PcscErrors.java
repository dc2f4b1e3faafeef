package org.farebox.simulator.pcsc;

import javax.smartcardio.CardException;

/** The CardExceptions a PC/SC stack raises, with the PC/SC code name in the message as pcsc-lite's do. */
final class PcscErrors {
    static final String REMOVED_CARD = "SCARD_W_REMOVED_CARD";
    static final String NOT_TRANSACTED = "SCARD_E_NOT_TRANSACTED";

    private PcscErrors() {
    }

    static CardException removed(String readerName) {
        return new CardException("card removed: " + REMOVED_CARD + " (reader " + readerName + ")");
    }

    static CardException torn(String readerName, Throwable cause) {
        return new CardException("card left the field during the command: " + NOT_TRANSACTED
                + " (reader " + readerName + ")", cause);
    }
}
