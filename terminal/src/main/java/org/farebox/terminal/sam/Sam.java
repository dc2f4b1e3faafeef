package org.farebox.terminal.sam;

/**
 * The terminal's secure access module: it holds the keys the terminal itself must never see and proves
 * each purchase to the card (MAC1) and the card's debit to the terminal (MAC2). A PSAM in a reader slot
 * and the software SAM both implement it.
 */
public interface Sam extends AutoCloseable {
    /** The 6-byte terminal number sent to the card in INITIALIZE and recorded with every purchase. */
    byte[] terminalNumber();

    /** The purchase key index the card must use. */
    int purchaseKeyIndex();

    /** INIT SAM FOR PURCHASE: allocates a terminal transaction serial and computes MAC1. */
    PurchaseAuthorization authorizePurchase(PurchaseRequest request) throws SamException;

    /** CREDIT SAM FOR PURCHASE: checks the card's MAC2 for an authorization this SAM gave. */
    Mac2Check confirmPurchase(PurchaseAuthorization authorization, byte[] mac2) throws SamException;

    /**
     * The line-protection MAC for a card maintenance command (APPLICATION BLOCK): the SAM diversifies the
     * maintenance key for this card and MACs {@code data} with {@code iv}.
     */
    byte[] maintenanceMac(byte[] cardFactor, byte[] issuerFactor, byte[] iv, byte[] data) throws SamException;

    /** One line for logs and status: which SAM, which terminal number. */
    String describe();

    @Override
    void close();
}
