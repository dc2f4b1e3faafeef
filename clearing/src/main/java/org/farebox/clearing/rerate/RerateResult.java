package org.farebox.clearing.rerate;

import java.time.LocalDate;
import java.util.List;
import org.farebox.clearing.store.AdjustmentRecord;

/**
 * What re-rating a transport day found and did: accounts and legs seen, the adjustments due (legs whose price
 * changed), how many records were written, left alone or deleted, and the sum of differences (re-rated − charged).
 */
public record RerateResult(LocalDate transportDay, int accounts, int legs, List<AdjustmentRecord> adjustments,
        int inserted, int unchanged, int deleted) {
    public RerateResult {
        adjustments = List.copyOf(adjustments);
    }

    public long totalDifferenceFen() {
        return adjustments.stream().mapToLong(AdjustmentRecord::differenceFen).sum();
    }
}
