/**
 * Clearing re-rating of account media: an account's transport day, gathered from every terminal's rows, priced
 * again with the day pricer the terminals' engine is built from, and the differences kept as adjustment records.
 */
package org.farebox.clearing.rerate;
