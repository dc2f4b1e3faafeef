package org.farebox.terminal.update;

/**
 * What operator commands do in the rest of the terminal; "status" needs nothing here (the answer is the status).
 * Each returns a short sentence for the answer and may throw: the command is then answered "failed" with the
 * message. Runs on the MQTT dispatcher thread, so it must return within seconds.
 */
public interface CommandActions {
    /** Starts sending the ledger backlog now, e.g. "412 rows queued". */
    String flushBacklog() throws Exception;

    /** Re-reads the configuration and says what changed. */
    String reloadConfig() throws Exception;

    /** Actions that refuse everything: for a terminal without an uploader, and tests. */
    static CommandActions unsupported() {
        return new CommandActions() {
            @Override
            public String flushBacklog() {
                throw new UnsupportedOperationException("this terminal has no uploader to flush");
            }

            @Override
            public String reloadConfig() {
                throw new UnsupportedOperationException("this terminal cannot reload its configuration");
            }
        };
    }
}
