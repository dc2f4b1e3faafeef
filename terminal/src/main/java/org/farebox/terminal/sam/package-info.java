/**
 * The terminal's secure access module.
 *
 * <p>Terms used here:
 * <ul>
 *   <li><b>SAM / PSAM</b>: the secure access module (for purchases, "PSAM") that holds the issuer's master keys in
 *       a chip; the terminal sends it card data and gets MACs back without ever seeing a key.</li>
 *   <li><b>MAC1</b>: proof from the SAM to the card that this purchase is authorised; <b>MAC2</b>: proof from the
 *       card that it debited; <b>TAC</b>: the card's transaction authentication code, checked by the clearing host.</li>
 *   <li><b>Terminal transaction serial</b>: a counter kept by the SAM; with the terminal number it identifies a
 *       purchase uniquely for clearing.</li>
 *   <li><b>Diversification</b>: deriving a card's own key from a master key and the card serial (PROTOCOLS.md §1.6.1).</li>
 * </ul>
 */
package org.farebox.terminal.sam;
