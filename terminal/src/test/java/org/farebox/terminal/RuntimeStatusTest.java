package org.farebox.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.SoftSam;
import org.farebox.terminal.settle.TapResult;
import org.farebox.terminal.status.StatusSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeStatusTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dir;

    private SqliteLedger ledger() {
        return SqliteLedger.open(dir.resolve("ledger.db"), "BUS-1",
                LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL));
    }

    private static SoftSam sam() {
        return new SoftSam(MasterKeys.generate(new SecureRandom(), 1, 1, 1), new byte[] {0, 0, 0, 0, 0, 1}, 1, 0);
    }

    @Test
    void aSamFaultShowsUntilTheNextPaidTap() {
        try (SqliteLedger ledger = ledger()) {
            RuntimeStatus status = new RuntimeStatus(ledger, sam(), "Reader 0", Clock.fixed(NOW, ZoneOffset.UTC));
            assertTrue(status.sam().ok());
            status.tapped(new TapResult(Display.outOfService("SAM FAULT"), List.of()));
            StatusSource.Health failed = status.sam();
            assertFalse(failed.ok());
            assertTrue(failed.detail().contains("SAM FAULT at " + NOW), failed.detail());
            status.tapped(new TapResult(Display.cardBlocked(), List.of()));
            assertFalse(status.sam().ok(), "a refused card says nothing about the SAM");
            status.tapped(new TapResult(Display.paid(200, 4800, Display.ADULT), List.of()));
            assertTrue(status.sam().ok(), "a paid tap needed the SAM's MAC1: it works again");
        }
    }

    @Test
    void theBacklogCountsRowsNotYetClearedAndTheAgeOfTheOldest() {
        try (SqliteLedger ledger = ledger()) {
            for (int n = 1; n <= 3; n++) {
                ledger.append(TapRecord.draft().time(NOW.minusSeconds(60 - n)).cardSerial("3104000000000000000" + n)
                        .cardType(1).riderCategory("adult").amountFen(200).outcome(Outcome.PAID)
                        .state(SettlementState.COMPLETE).build());
            }
            ledger.markCleared(1);
            RuntimeStatus status = new RuntimeStatus(ledger, sam(), "Reader 0", Clock.fixed(NOW, ZoneOffset.UTC));
            StatusSource.Backlog backlog = status.backlog();
            assertEquals(2, backlog.rows());
            assertEquals(58, backlog.oldestUnsentAge().toSeconds(), "row 2 was written 58 s ago");
            assertEquals(0, status.delivered(), "no uploader: nothing delivered by this run");
            assertTrue(status.reader().ok());
        }
    }
}
