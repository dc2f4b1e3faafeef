package org.farebox.terminal.fare;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareTable;

/**
 * The one-byte leg group codes of the card layout (docs/card-journey-layout.md): the table's distinct non-empty
 * leg_group_id values in ascending order get codes 1, 2, …; 0 = no group. Groups beyond 255 get 0 (no transfer
 * from them, never a wrong one). Every terminal with the same table derives the same codes.
 */
public final class LegGroupCodes {
    private final List<String> groups;

    public LegGroupCodes(FareTable table) {
        TreeSet<String> ids = new TreeSet<>();
        for (FareLegRule r : table.legRules()) {
            if (!r.legGroupId().isEmpty()) {
                ids.add(r.legGroupId());
            }
        }
        this.groups = List.copyOf(ids);
    }

    public int codeOf(String legGroupId) {
        int i = groups.indexOf(legGroupId);
        return i < 0 || i >= 255 ? 0 : i + 1;
    }

    public Optional<String> groupOf(int code) {
        return code < 1 || code > Math.min(255, groups.size()) ? Optional.empty() : Optional.of(groups.get(code - 1));
    }
}
