package org.farebox.terminal.update;

import org.farebox.simulator.card.ApduResponder;
import org.farebox.terminal.card.CardDataException;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.card.CardResponse;

/** A card link straight to a virtual card, for a TapProcessor built outside the bench. */
final class DirectCardLink implements CardLink {
    private final ApduResponder card;

    DirectCardLink(ApduResponder card) {
        this.card = card;
    }

    @Override
    public CardResponse transmit(byte[] command) throws CardDataException {
        return CardResponse.of(card.process(command));
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void close() {
        card.powerDown();
    }
}
