/**
 * Virtual smart cards that speak real APDU bytes with real PBOC 3DES: a T-Union user card
 * ({@link org.farebox.simulator.card.VirtualTUnionCard}, state in a {@link org.farebox.simulator.card.CardImage}),
 * a MoT purchase PSAM ({@link org.farebox.simulator.card.VirtualPsam}) and a fault injector
 * ({@link org.farebox.simulator.card.FaultyCard}). The terminal is proven against them, so they are as strict
 * as a real card.
 *
 * <p>Terms used here:
 * <ul>
 * <li><b>PSAM</b>: the terminal's secure access module; it holds master keys and computes MAC1 for the card.</li>
 * <li><b>MAC1 / MAC2</b>: the terminal's proof to the card (checked in 8054) and the card's proof back (checked
 * by the PSAM in 8072).</li>
 * <li><b>TAC</b>: transaction authentication code, the card's proof of a debit for the clearing host.</li>
 * <li><b>CAPP</b>: compound application purchase, a debit that also writes transit records (80DC) atomically.</li>
 * <li><b>Tear</b>: the card leaving the field mid-command ({@link org.farebox.simulator.card.CardTornException}).</li>
 * <li><b>Diversification</b>: deriving a card's own keys from master keys and its serial (and issuer id).</li>
 * </ul>
 */
package org.farebox.simulator.card;
