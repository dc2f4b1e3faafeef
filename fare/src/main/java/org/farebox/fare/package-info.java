/**
 * The fare engine (issue 4): {@code model} (a compiled fare table), {@code engine} (pure pricing: no I/O,
 * no clock of its own, integer fen), {@code gtfs} (the GTFS-Fares v2 importer and its validation rules),
 * {@code extension} (caps, promotions, vouchers), {@code card} (the journey state Farebox keeps on a card).
 */
package org.farebox.fare;
