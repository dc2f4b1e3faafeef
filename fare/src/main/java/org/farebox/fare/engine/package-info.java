/**
 * The pure GTFS-Fares v2 engine: no I/O and no clock; times come in with each {@link org.farebox.fare.engine.Leg}
 * and are read in the fare table's zone. {@link org.farebox.fare.engine.FareEngine} prices one leg, a
 * journey, or the next leg of a journey from a {@link org.farebox.fare.engine.JourneyState} (what a terminal
 * does at tap time). Terms: an <em>effective leg</em> is one or more legs merged by a join rule; a
 * <em>branch</em> is one way of pricing the journey so far (which offer each leg took and which transfer
 * chain is open); the journey's price is its cheapest branch.
 */
package org.farebox.fare.engine;
