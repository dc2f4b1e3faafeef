/**
 * Puts a virtual card into the vsmartcard virtual reader (vpcd, a pcscd driver), so that the JDK's real
 * PC/SC provider, pcscd and the terminal's code see it as a card in a reader. For tests and the demo only:
 * vpcd listens on all interfaces and does not belong on a terminal.
 *
 * <p>What the terminal sees through this path (measured with pcscd and the JDK's PC/SC provider): a card
 * torn during a command gives an <em>empty</em> answer, so {@code CardChannel.transmit(CommandAPDU)} throws
 * {@code IllegalArgumentException("apdu must be at least 2 bytes long")}; a command after the card left
 * fails with {@code CardException} naming {@code SCARD_E_NOT_TRANSACTED} until pcscd notices (≤ ~400 ms),
 * then once with {@code SCARD_W_REMOVED_CARD}, and after that the {@code Card} throws
 * {@code IllegalStateException("Card has been removed")}.
 */
package org.farebox.simulator.vpcd;
