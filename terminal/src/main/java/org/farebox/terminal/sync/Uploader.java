package org.farebox.terminal.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.farebox.mqtt.LinkListener;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.SyncFormatException;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;
import org.farebox.terminal.ledger.CanonicalRow;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.ledger.LedgerException;
import org.farebox.terminal.ledger.TapRecord;
import org.tinylog.Logger;

/**
 * Sends the ledger's uncleared rows to the clearing host and moves the cleared mark when they are
 * acknowledged. The ledger is the outbox: the uploader keeps no queue of rows, only the sequence
 * ranges of the batches in flight ({@link UploadWindow}); it reads each batch from the ledger just
 * before publishing it, so it never holds more than {@link UploadSettings#rowsInMemoryBound()} rows,
 * however long the backlog. After a reconnect or an ack timeout it sends again from the cleared mark
 * (the clearing host drops what it already has), so a row is never lost and at worst sent twice.
 *
 * <p>One thread reads and publishes; acks are handled on the link's dispatcher thread, which also
 * writes the cleared mark, durably, before the ack message is acknowledged to the broker.
 */
public final class Uploader implements AutoCloseable {
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final Ledger ledger;
    private final MqttLink link;
    private final String terminalId;
    private final String operator;
    private final String txnTopic;
    private final UploadSettings settings;
    private final Clock clock;
    private final Object lock = new Object();
    private final UploadWindow window;
    private final Thread thread;

    // guarded by lock
    private boolean signalled;
    private boolean rewindRequested;
    private boolean flushRequested;
    private boolean running;
    private long openFirstSequence = -1;
    private long openSinceNanos;
    private long batchesSent;
    private long batchesResent;
    private long acksIgnored;
    private long rowsDelivered;
    private Instant lastAckAt;

    /**
     * Subscribes to the terminal's ack topic on {@code link} and listens to its reconnects; call
     * before the link starts. Reads the cleared mark from the ledger.
     */
    public Uploader(Ledger ledger, MqttLink link, Topics topics, String terminalId, UploadSettings settings,
            Clock clock) {
        this.ledger = ledger;
        this.link = link;
        this.terminalId = Topics.requireId(terminalId, "terminal id");
        this.operator = topics.operator();
        this.txnTopic = topics.txn(terminalId);
        this.settings = settings;
        this.clock = clock;
        this.window = new UploadWindow(ledger.clearedThrough(), settings.inFlightBatches());
        this.thread = new Thread(this::loop, "uploader-" + terminalId);
        this.thread.setDaemon(true);
        link.subscribe(topics.ack(terminalId), 1, this::onAck);
        link.addListener(new LinkListener() {
            // What was in flight on the lost connection may never be acknowledged: start again from the mark.
            // On the loss, not on the next connect: the link lets publishes through as soon as it is up, and a
            // rewind arriving after them would send the first batches of the new connection twice.
            @Override
            public void connected() {
                synchronized (lock) {
                    signal(); // the loop waits while the link is down
                }
            }

            @Override
            public void disconnected(String reason) {
                synchronized (lock) {
                    rewindRequested = true;
                    signal();
                }
            }
        });
    }

    public void start() {
        synchronized (lock) {
            running = true;
        }
        thread.start();
    }

    /** A row was written: look at the ledger now rather than at the next idle check. */
    public void wake() {
        synchronized (lock) {
            signal();
        }
    }

    /** Sends every row there is now, the last batch short, without waiting for batchMaxWait. */
    public void flushNow() {
        synchronized (lock) {
            flushRequested = true;
            signal();
        }
    }

    public UploaderStats stats() {
        synchronized (lock) {
            return new UploaderStats(rowsDelivered, batchesSent, batchesResent, acksIgnored,
                    Optional.ofNullable(lastAckAt), window.inFlight(), window.clearedThrough(),
                    window.publishedThrough());
        }
    }

    /** Stops the thread (a batch being published finishes first); the link is the caller's to close. */
    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            signal();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            Logger.warn("uploader of {} did not stop within 10 s", terminalId);
        }
    }

    private void signal() {
        signalled = true;
        lock.notifyAll();
    }

    private void loop() {
        while (isRunning()) {
            try {
                step();
            } catch (InterruptedException e) {
                return;
            } catch (LedgerException | IllegalStateException | IllegalArgumentException e) {
                Logger.error("uploader of {}: {}; trying again in {} ms", terminalId, e.getMessage(),
                        ERROR_PAUSE.toMillis());
                pause(ERROR_PAUSE);
            } catch (RuntimeException e) {
                Logger.error(e, "uploader of {} failed; trying again in {} ms", terminalId, ERROR_PAUSE.toMillis());
                pause(ERROR_PAUSE);
            }
        }
    }

    private boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }

    /** One round: look at the window and the ledger, then publish one batch or wait for something to change. */
    private void step() throws InterruptedException {
        long from;
        boolean flush;
        synchronized (lock) {
            signalled = false;
            if (rewindRequested) {
                rewindRequested = false;
                if (window.inFlight() > 0 || window.publishedThrough() > window.clearedThrough()) {
                    Logger.info("uploader of {}: connected again, sending again from row {} ({})", terminalId,
                            window.clearedThrough() + 1, window);
                }
                window.rewind();
            }
            if (!link.isConnected()) {
                waitFor(settings.ackTimeout());
                return;
            }
            long now = System.nanoTime();
            OptionalLong oldest = window.oldestSentAt();
            if (oldest.isPresent() && now - oldest.getAsLong() >= settings.ackTimeout().toNanos()) {
                Logger.warn("uploader of {}: no ack within {} s; sending again from row {} ({})", terminalId,
                        settings.ackTimeout().toSeconds(), window.clearedThrough() + 1, window);
                window.rewind();
            }
            if (!window.hasRoom()) {
                waitFor(untilAckTimeout(now));
                return;
            }
            from = window.publishedThrough();
            flush = flushRequested;
        }
        List<TapRecord> rows = ledger.rowsAfter(from, settings.batchRows());
        long now = System.nanoTime();
        synchronized (lock) {
            if (rows.isEmpty()) {
                flushRequested = false;
                waitFor(min(settings.batchMaxWait(), untilAckTimeout(now)));
                return;
            }
            boolean full = rows.size() == settings.batchRows();
            if (!full && !flush) {
                Duration left = leftToWait(rows.get(0), now);
                if (!left.isZero()) {
                    waitFor(min(left, untilAckTimeout(now)));
                    return;
                }
            }
        }
        publish(from, rows, flush && rows.size() < settings.batchRows());
    }

    /**
     * How long the open batch may still wait, counted from when the uploader first saw its first row. Not
     * from the row's own time: tap times are kept to the second (the card's BCD clock), so a row could
     * look up to a second old the moment it is written, and a busy bus would send one row per batch.
     */
    private Duration leftToWait(TapRecord first, long nowNanos) {
        if (first.sequence() != openFirstSequence) {
            openFirstSequence = first.sequence();
            openSinceNanos = nowNanos;
        }
        long left = settings.batchMaxWait().toMillis() - TimeUnit.NANOSECONDS.toMillis(nowNanos - openSinceNanos);
        return left <= 0 ? Duration.ZERO : Duration.ofMillis(left);
    }

    private void publish(long from, List<TapRecord> rows, boolean flushDone) {
        List<TxnRow> wire = new ArrayList<>(rows.size());
        for (TapRecord r : rows) {
            wire.add(CanonicalRow.toWire(r));
        }
        TxnBatch batch = new TxnBatch(operator, terminalId, wire);
        byte[] payload = batch.encode();
        synchronized (lock) {
            // a reconnect or an ack may have moved the window while the batch was read and encoded
            if (rewindRequested || window.publishedThrough() != from || !window.hasRoom()) {
                return;
            }
            if (window.sent(batch.firstSeq(), batch.lastSeq(), System.nanoTime())) {
                batchesResent++;
            }
            batchesSent++;
            if (flushDone) {
                flushRequested = false;
            }
        }
        // Blocks only while the link's PUBACK window is full; a failure is healed by the ack timeout or the reconnect
        link.publish(txnTopic, payload, 1, false).whenComplete((ok, e) -> {
            if (e != null) {
                Logger.warn("uploader of {}: publishing batch {} failed: {}", terminalId, batch.label(), e.getMessage());
            }
        });
    }

    /** Handles one message on the ack topic (on the link's dispatcher thread). */
    void onAck(String topic, byte[] payload, boolean retained) {
        TxnAck ack;
        try {
            ack = TxnAck.decode(payload);
        } catch (SyncFormatException e) {
            ignored("malformed ack on " + topic + ": " + e.getMessage());
            return;
        }
        if (!terminalId.equals(ack.terminalId())) {
            ignored("ack for terminal " + ack.terminalId() + " arrived on " + topic);
            return;
        }
        long before;
        long after;
        synchronized (lock) {
            before = window.clearedThrough();
            UploadWindow.AckResult result = window.acked(ack.firstSeq(), ack.lastSeq());
            if (result.kind() == UploadWindow.AckKind.NEVER_SENT) {
                acksIgnored++;
                Logger.warn("uploader of {}: ignoring ack for rows {}..{}: not sent by this run (sent through {})",
                        terminalId, ack.firstSeq(), ack.lastSeq(), window.sentThrough());
                return;
            }
            lastAckAt = clock.instant();
            after = result.clearedThrough();
            signal();
        }
        if (ack.result() == TxnAck.Result.QUARANTINED) {
            Logger.warn("clearing kept rows {}..{} of {} in quarantine: {}", ack.firstSeq(), ack.lastSeq(), terminalId,
                    ack.detail());
        }
        if (after > before) {
            try {
                ledger.markCleared(after);
                synchronized (lock) {
                    rowsDelivered += after - before;
                }
            } catch (LedgerException | IllegalArgumentException | IllegalStateException e) {
                // the rows are in clearing's hands; a later ack moves the mark over them, a restart resends them
                Logger.error("uploader of {}: cannot move the cleared mark to {}: {}", terminalId, after,
                        e.getMessage());
            }
        }
    }

    private void ignored(String why) {
        synchronized (lock) {
            acksIgnored++;
        }
        Logger.warn("uploader of {}: {}", terminalId, why);
    }

    private Duration untilAckTimeout(long nowNanos) {
        OptionalLong oldest = window.oldestSentAt();
        if (oldest.isEmpty()) {
            return settings.ackTimeout();
        }
        long left = oldest.getAsLong() + settings.ackTimeout().toNanos() - nowNanos;
        return Duration.ofNanos(Math.max(1_000_000, left));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits on the lock (held) until signalled or the time passes. */
    private void waitFor(Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(d.toNanos(), 1_000_000);
        while (!signalled && running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
    }

    private void pause(Duration d) {
        synchronized (lock) {
            signalled = false;
            try {
                waitFor(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
