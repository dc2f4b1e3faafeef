/**
 * The journey state Farebox keeps on a T-Union card, inside the bus layout of the compound (CAPP) journey record,
 * file 0x1A (docs/card-journey-layout.md): the previous leg (for transfers), an open tap-in (for entry/exit fares)
 * and the cap and promotion accumulators, so that an offline validator on another vehicle can price the next tap.
 * A record written by anyone else reads as "no state", never as an error.
 */
package org.farebox.fare.card;
