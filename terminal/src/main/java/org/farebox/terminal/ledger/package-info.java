/**
 * The ledger: the terminal's money record and the outbox that is later synced to the clearing host.
 *
 * <p>Terms used here:
 * <ul>
 * <li><b>tap</b>: one presentation of a card at the validator; every tap becomes exactly one ledger
 * row ({@link org.farebox.terminal.ledger.TapRecord}), whatever its outcome.</li>
 * <li><b>purchase intent</b>: a durable note written before the debit command goes to the card, so a
 * crash or a card pulled away mid-purchase can be resolved later from the card's own proof.</li>
 * <li><b>TAC</b>: the card's transaction authentication code, proof that the card debited itself.</li>
 * <li><b>MAC2</b>: the SAM's answer that authenticates the card to the terminal's secure module.</li>
 * <li><b>PSAM</b>: the terminal's purchase secure access module; it numbers its transactions
 * (the PSAM serial), which must never repeat.</li>
 * <li><b>fen</b>: 1/100 yuan; every amount is a whole number of fen.</li>
 * <li><b>hash chain</b>: each row stores the SHA-256 of the previous row's hash and its own canonical
 * bytes ({@link org.farebox.terminal.ledger.CanonicalRow}), so any later change shows.</li>
 * </ul>
 */
package org.farebox.terminal.ledger;
