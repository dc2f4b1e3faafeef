/**
 * Pricing a tap. A {@link org.farebox.terminal.fare.FarePolicy} is a pure function of the tap (route, stop, local
 * time, card type, the card's journey record) and the fare table; money is always integer fen (0.01 CNY).
 * <b>Rider category</b>: who the passenger is for pricing (adult, student, senior, free), from the card type in
 * file 0x17.
 */
package org.farebox.terminal.fare;
