package org.farebox.terminal.sam;

/**
 * What the SAM needs to compute MAC1 (INIT SAM FOR PURCHASE): the card's answer to INITIALIZE, the
 * amount, transaction type, the one timestamp of the tap and the card's diversification factors.
 */
public record PurchaseRequest(byte[] cardRandom, int cardCounter, long amount, int transactionType, byte[] dateTime7,
        int keyVersion, int algorithmId, byte[] cardFactor, byte[] issuerFactor) {
    public PurchaseRequest {
        cardRandom = cardRandom.clone();
        dateTime7 = dateTime7.clone();
        cardFactor = cardFactor.clone();
        issuerFactor = issuerFactor.clone();
    }
}
