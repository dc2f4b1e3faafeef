/**
 * The day pricer: one rider's legs of a day (or several) priced exactly as a sequence of terminals would, the GTFS
 * engine's tap-by-tap fold followed by the extension rules (promotions, caps, points, vouchers) per leg. Used by
 * {@code faretable quote} and by clearing re-rating.
 */
package org.farebox.fare.day;
