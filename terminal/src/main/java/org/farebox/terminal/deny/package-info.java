/**
 * The deny list: card serials (and QR-code accounts) the operator has blocked — lost, stolen, fraud,
 * replaced — checked at every tap before any fare is taken. The operator's list arrives as a signed
 * snapshot plus deltas between consecutive versions ({@link org.farebox.protocol.deny}); the terminal's
 * {@link org.farebox.terminal.deny.DenyListStore} keeps it in memory for lookups and in the state folder
 * for restarts. A technician's text file ({@link org.farebox.terminal.deny.DenyListText}) can stand in as
 * the local list (version 0) until the operator's first snapshot.
 */
package org.farebox.terminal.deny;
