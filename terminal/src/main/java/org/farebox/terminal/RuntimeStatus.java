package org.farebox.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.status.StatusSource;
import org.farebox.terminal.sync.SyncService;
import org.farebox.terminal.sync.UploaderStats;

/**
 * What the running terminal tells its status report: the ledger's backlog (read on the outbox's own
 * read-only connection, so a status tick never waits behind a tap), the uploader's counters, and
 * whether the reader is being polled.
 */
final class RuntimeStatus implements StatusSource {
    private final Ledger ledger;
    private final Sam sam;
    private final String readerName;
    private final Clock clock;
    private volatile SyncService sync;
    private volatile TerminalDaemon daemon;

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

    @Override
    public Health sam() {
        return Health.ok(sam.describe());
    }

    private Optional<UploaderStats> stats() {
        SyncService s = sync;
        return s == null ? Optional.empty() : s.stats();
    }
}
