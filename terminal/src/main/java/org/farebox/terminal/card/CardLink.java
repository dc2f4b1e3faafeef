package org.farebox.terminal.card;

/** A connection to one card in a reader: command bytes in, response bytes out. */
public interface CardLink extends AutoCloseable {
    /** Sends one command APDU; throws {@link CardLostException} when the card is gone or the reader failed. */
    CardResponse transmit(byte[] command) throws CardLostException, CardDataException;

    /** The card's answer-to-reset, for logs. */
    byte[] atr();

    @Override
    void close();
}
