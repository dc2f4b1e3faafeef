/**
 * Signed operator updates on the terminal: fare tables (active and staged, switched at {@code valid_from}), deny
 * lists (snapshot plus consecutive deltas, gap falls back to the retained snapshot), QR key sets and commands.
 * {@link org.farebox.terminal.update.TerminalUpdates} wires them to one MQTT link; formats and version rules are
 * in docs/operator-updates.md.
 */
package org.farebox.terminal.update;
