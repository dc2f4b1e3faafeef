package org.farebox.demo;

import java.io.PrintStream;
import java.time.Duration;
import org.farebox.terminal.TerminalRuntime;
import org.farebox.terminal.ledger.Backlog;
import org.farebox.terminal.sync.SyncService;
import org.farebox.terminal.sync.UploaderStats;

/** At the end of the run, lets the terminal deliver its backlog to clearing before it closes. */
final class SyncDrain {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final PrintStream out;
    private UploaderStats stats;
    private long leftBehind;

    SyncDrain(PrintStream out) {
        this.out = out;
    }

    void await(TerminalRuntime runtime) throws InterruptedException {
        SyncService sync = runtime.sync().orElseThrow(() -> new IllegalStateException("the demo terminal has no sync"));
        sync.flushNow();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Backlog backlog = runtime.ledger().backlog();
        while (backlog.rows() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            backlog = runtime.ledger().backlog();
        }
        leftBehind = backlog.rows();
        stats = sync.stats().orElse(null);
        if (leftBehind > 0) {
            out.println("sync: " + leftBehind + " rows still unacknowledged after " + LIMIT.toSeconds() + " s");
        }
    }

    /** Batches the uploader sent, resends included. */
    long batchesSent() {
        return stats == null ? 0 : stats.batchesSent();
    }

    long batchesResent() {
        return stats == null ? 0 : stats.batchesResent();
    }

    long leftBehind() {
        return leftBehind;
    }
}
