/**
 * An in-process javax.smartcardio provider: virtual readers ({@link org.farebox.simulator.pcsc.VirtualReader})
 * into whose field a test or the demo puts {@link org.farebox.simulator.card.ApduResponder virtual cards}, so
 * the terminal's unchanged smartcardio code talks to them as it would to pcscd.
 *
 * <p>Where the JDK's own PC/SC provider has a visible habit, this one copies it, because terminal code
 * tested here must survive the real stack: {@code connect} hands out the same live {@code Card} again,
 * exclusive access is per thread, a card answering {@code 61xx} gets an automatic GET RESPONSE and
 * {@code 6Cxx} an automatic resend, and after a removal the first call fails with a {@code CardException}
 * naming {@code SCARD_W_REMOVED_CARD} while later calls on that {@code Card} throw
 * {@code IllegalStateException("Card has been removed")}.
 *
 * <p>Terms: the <em>field</em> is the reader's antenna (or SAM slot); a card is <em>torn</em> when it
 * leaves the field during a command.
 */
package org.farebox.simulator.pcsc;
