package org.farebox.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.settle.TapResult;
import org.farebox.terminal.status.StatusSource;
import org.farebox.terminal.sync.SyncService;
import org.farebox.terminal.sync.UploaderStats;

/**
 * What the running terminal tells its status report: the ledger's backlog (read on the outbox's own
 * read-only connection, so a status tick never waits behind a tap), the uploader's counters, whether
 * the reader is being polled, and whether the last taps found the SAM working.
 */
final class RuntimeStatus implements StatusSource {
    private final Ledger ledger;
    private final Sam sam;
    private final String readerName;
    private final Clock clock;
    private volatile SyncService sync;
    private volatile TerminalDaemon daemon;
    private volatile String samFault;

    RuntimeStatus(Ledger ledger, Sam sam, String readerName, Clock clock) {
        this.ledger = ledger;
        this.sam = sam;
        this.readerName = readerName;
        this.clock = clock;
    }

    void sync(SyncService service) {
        this.sync = service;
    }

    void daemon(TerminalDaemon running) {
        this.daemon = running;
    }

    @Override
    public Backlog backlog() {
        org.farebox.terminal.ledger.Backlog b = ledger.backlog();
        Duration age = b.oldestUncleared().map(t -> Duration.between(t, clock.instant())).orElse(null);
        return new Backlog(b.rows(), age);
    }

    @Override
    public Optional<Instant> lastSyncAt() {
        return stats().flatMap(UploaderStats::lastAckAt);
    }

    @Override
    public long delivered() {
        return stats().map(UploaderStats::rowsDelivered).orElse(0L);
    }

    @Override
    public Health reader() {
        TerminalDaemon d = daemon;
        if (d == null) {
            return Health.ok(readerName + " (not polled yet)");
        }
        return d.readerAvailable() ? Health.ok(readerName) : Health.failed(readerName + " unavailable");
    }

    /**
     * Learns from each tap: a tap that ended OUT OF SERVICE because of the SAM marks it failed, and the
     * next paid tap (which needed the SAM's MAC1) shows it works again.
     */
    void tapped(TapResult result) {
        Display d = result.display();
        if (d.kind() == DisplayKind.OUT_OF_SERVICE && d.detail().contains("SAM")) {
            samFault = d.detail() + " at " + clock.instant();
        } else if (d.kind() == DisplayKind.PAID) {
            samFault = null;
        }
    }

    @Override
    public Health sam() {
        String fault = samFault;
        return fault == null ? Health.ok(sam.describe()) : Health.failed(sam.describe() + ": " + fault);
    }

    private Optional<UploaderStats> stats() {
        SyncService s = sync;
        return s == null ? Optional.empty() : s.stats();
    }
}
