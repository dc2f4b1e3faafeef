package org.farebox.terminal.status;

import java.util.List;
import java.util.Optional;

/** What the status reports about operator updates: versions, recent refusals and the last command's answer. */
public interface UpdatesView {
    UpdateVersions versions();

    /** Most recent last. */
    List<RejectionNote> recentRejections();

    long rejectedTotal();

    Optional<CommandAnswer> lastCommand();
}
