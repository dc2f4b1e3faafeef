/**
 * The terminal's retained {@code farebox-status/1} report and its "offline" last will, published by
 * {@link org.farebox.terminal.status.StatusReporter} from what {@link org.farebox.terminal.status.StatusSource} and
 * {@link org.farebox.terminal.status.UpdatesView} tell it.
 */
package org.farebox.terminal.status;
