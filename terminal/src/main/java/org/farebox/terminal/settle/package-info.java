/**
 * Settling a tap: checks, pricing, the secured purchase and its recovery.
 *
 * <p>Terms used here:
 * <ul>
 *   <li><b>Intent</b>: an open purchase, written durably before DEBIT FOR PURCHASE is sent, so a crash or a torn tap
 *       can never lose or double a debit.</li>
 *   <li><b>Grey record</b> (灰记录): a purchase whose outcome the terminal could not learn because the card never came
 *       back; the clearing host resolves it from the card's later transactions.</li>
 *   <li><b>Void</b>: a purchase that is known not to have debited the card; its SAM serial is still recorded so the
 *       clearing host sees a contiguous sequence.</li>
 *   <li><b>CAPP</b>: compound application purchase, which writes the journey record (file 0x1A) together with the debit.</li>
 * </ul>
 * {@link org.farebox.terminal.settle.PurchaseStateMachine} is the one place where the life of a purchase is defined.
 */
package org.farebox.terminal.settle;
