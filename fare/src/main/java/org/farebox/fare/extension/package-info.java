/**
 * Farebox's fare extensions, the rules GTFS-Fares v2 does not have (docs/fare-extensions.md): caps, promotions
 * and vouchers, read from {@code farebox_*.txt} files next to the feed and applied to a leg the GTFS engine has
 * already priced.
 *
 * <p>Terms: a <em>cap</em> is the most a rider pays in a period (a transport day, a week, any 7 transport days);
 * the <em>transport day</em> starts at {@code transport_day_start} local time (04:30 puts a 01:00 ride on the
 * previous day); a <em>promotion</em> lowers a ride's price (percentage, fixed amount, first ride of the day, points)
 * or pays cashback; a <em>voucher</em> is prepaid value the rider holds, spent after caps like money.
 * Evaluation ({@link org.farebox.fare.extension.ExtensionEvaluator}) is pure: no I/O, no clock, integer fen.
 */
package org.farebox.fare.extension;
