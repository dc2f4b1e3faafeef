package org.farebox.simulator.card;

/**
 * The card side of ISO 7816: something in a reader that answers command APDUs. Virtual user cards and
 * the virtual PSAM implement it; the in-process smartcardio provider and the vpcd bridge carry its bytes.
 */
public interface ApduResponder {
    /** The answer-to-reset the reader reports for this card. */
    byte[] atr();

    /**
     * Answers one command APDU with response data followed by SW1 SW2. Malformed commands get an ISO
     * status word, never an exception; only {@link CardTornException} may escape, meaning the card left
     * the field while this command was in flight.
     */
    byte[] process(byte[] command);

    /** Power off or reset: transient session state (selected application, open purchase) is lost. */
    default void powerDown() {
    }
}
