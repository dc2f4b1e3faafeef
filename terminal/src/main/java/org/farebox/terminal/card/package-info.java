/**
 * Talking to transit cards through javax.smartcardio.
 *
 * <p>Terms used here:
 * <ul>
 *   <li><b>APDU</b>: one command to a smart card and its response (data plus a two-byte status word, 9000 = OK).</li>
 *   <li><b>T-Union</b> (交通联合): the national interoperable transit card scheme of China (JT/T 978); its e-purse
 *       application is selected by the AID A000000632010105.</li>
 *   <li><b>Field</b>: the contactless reader's radio field; a card is "in the field" while the passenger holds it there.</li>
 *   <li><b>Torn tap</b>: the card left the field while a command was in flight, so its answer is unknown.</li>
 * </ul>
 * The reader behind {@link org.farebox.terminal.card.CardReader} is found by name pattern, so the same code runs on
 * an ACR122U, a reader HAT, pcscd with the vsmartcard virtual reader, or the simulator's in-process provider.
 */
package org.farebox.terminal.card;
