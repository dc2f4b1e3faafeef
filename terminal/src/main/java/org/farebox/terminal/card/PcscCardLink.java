package org.farebox.terminal.card;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import org.tinylog.Logger;

/** A card reached through javax.smartcardio: real PC/SC, or the simulator's in-process provider. */
final class PcscCardLink implements CardLink {
    private final Card card;
    private final CardChannel channel;

    PcscCardLink(Card card) {
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    @Override
    public CardResponse transmit(byte[] command) throws CardLostException, CardDataException {
        try {
            return CardResponse.of(channel.transmit(new CommandAPDU(command)).getBytes());
        } catch (CardException | IllegalStateException e) {
            throw new CardLostException("card lost: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Through pcscd + vpcd a card torn mid-command comes back as an empty answer, which the JDK
            // rejects as "apdu must be at least 2 bytes long": the card is gone, not the terminal.
            throw new CardLostException("card lost (empty answer): " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] atr() {
        return card.getATR().getBytes();
    }

    @Override
    public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            Logger.debug("disconnect after the card left: {}", e.getMessage());
        }
    }
}
