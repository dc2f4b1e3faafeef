/**
 * A compiled fare table: the GTFS-Fares v2 entities (networks, areas, rider categories, fare media,
 * fare products, leg rules, join rules, transfer rules, timeframes, calendars) plus Farebox's distance
 * fares, as immutable values. Empty GTFS fields are the empty string, never {@code null}. Money is
 * {@code long} fen (minor units). {@link org.farebox.fare.model.FareTable} indexes the rules once at
 * construction so the engine never scans every rule at tap time. Cross-reference validation (unknown
 * ids, overlapping timeframes, ...) is the importer's job; constructors here refuse only absurd values.
 */
package org.farebox.fare.model;
