package org.farebox.clearing.store;

/** What {@link ClearingStore#replaceAdjustments} did: records added, left as they were, and deleted. */
public record AdjustmentWrite(int inserted, int unchanged, int deleted) {
    public boolean changedAnything() {
        return inserted > 0 || deleted > 0;
    }
}
