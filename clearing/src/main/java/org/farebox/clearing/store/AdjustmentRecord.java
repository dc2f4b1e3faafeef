package org.farebox.clearing.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What re-rating changed on one leg of an account's transport day: the ledger row re-rated ({@code terminalId},
 * {@code rowSeq}), its place in the day ({@code legSeq}, from 1), what the terminal charged, what the day pricer
 * says, the difference (re-rated − charged: negative is owed back to the rider) and why.
 */
public record AdjustmentRecord(String accountId, LocalDate transportDay, int legSeq, String terminalId, long rowSeq,
        Instant time, long chargedFen, long reratedFen, String reason, long fareVersion) {
    public AdjustmentRecord {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(transportDay, "transportDay");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reason, "reason");
        if (legSeq < 1) {
            throw new IllegalArgumentException("legSeq starts at 1, got " + legSeq);
        }
    }

    public long differenceFen() {
        return reratedFen - chargedFen;
    }
}
