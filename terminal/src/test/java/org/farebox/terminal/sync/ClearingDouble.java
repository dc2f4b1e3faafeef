package org.farebox.terminal.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.RowHash;
import org.farebox.protocol.sync.SyncFormatException;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;

/**
 * The clearing host as the uploader tests need it: subscribes to the shared txn filter, checks every
 * row's hash and its link to the row before it, stores each (terminal, seq) once, counts duplicates,
 * and acks — at once, or later when a test holds its acks back or drops some.
 */
public final class ClearingDouble implements AutoCloseable {

    /** One received batch. */
    public record Received(String terminal, long first, long last, int rows) {
    }

    private final MqttLink link;
    private final Topics topics;
    private final Map<String, TreeMap<Long, String>> stored = new ConcurrentHashMap<>();
    private final List<Received> batches = new ArrayList<>();
    private final List<TxnAck> held = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long duplicates;
    private long rowsReceived;
    private boolean holdAcks;
    private Predicate<TxnBatch> dropAck = b -> false;

    private ClearingDouble(String brokerUrl, String operator, String clientId) {
        this.topics = new Topics(operator);
        this.link = new MqttLink(LinkOptions.defaults(brokerUrl, clientId)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1))
                .withWindows(64, 1000).withSession(true, 0), new Random(1));
        link.subscribe(Topics.SHARED_TXN_FILTER, 1, this::onBatch);
    }

    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

    /** A connected double; its session ends with it, so it never keeps a share of the group's messages. */
    public static ClearingDouble start(String brokerUrl, String operator) throws InterruptedException {
        ClearingDouble c = new ClearingDouble(brokerUrl, operator, "clearing-double-" + ProcessHandle.current().pid()
                + "-" + INSTANCES.incrementAndGet());
        c.link.start();
        if (!c.link.awaitConnected(Duration.ofSeconds(10))) {
            throw new IllegalStateException("clearing double cannot connect to " + brokerUrl + ": " + c.link.lastError());
        }
        return c;
    }

    public MqttLink link() {
        return link;
    }

    private void onBatch(String topic, byte[] payload, boolean retained) {
        TxnBatch batch;
        try {
            batch = TxnBatch.decode(payload);
        } catch (SyncFormatException e) {
            problem("undecodable batch on " + topic + ": " + e.getMessage());
            return;
        }
        int fresh = 0;
        int dups = 0;
        synchronized (this) {
            TreeMap<Long, String> rows = stored.computeIfAbsent(batch.terminalId(), t -> new TreeMap<>());
            String prev = null;
            for (TxnRow r : batch.rows()) {
                if (!r.hashIsConsistent()) {
                    problem("row " + r.sequence() + " of " + r.terminalId() + ": hash does not match its content");
                }
                String expectedPrev = prev != null ? prev
                        : r.sequence() == 1 ? RowHash.GENESIS_PREV_HASH : rows.get(r.sequence() - 1);
                if (expectedPrev != null && !expectedPrev.equals(r.prevHash())) {
                    problem("row " + r.sequence() + " of " + r.terminalId() + ": prevHash does not link to row "
                            + (r.sequence() - 1));
                }
                prev = r.hash();
                String before = rows.putIfAbsent(r.sequence(), r.hash());
                if (before == null) {
                    fresh++;
                } else {
                    dups++;
                    if (!before.equals(r.hash())) {
                        problem("row " + r.sequence() + " arrived twice with different hashes");
                    }
                }
            }
            duplicates += dups;
            rowsReceived += batch.rows().size();
            batches.add(new Received(batch.terminalId(), batch.firstSeq(), batch.lastSeq(), batch.rows().size()));
            notifyAll();
        }
        TxnAck ack = new TxnAck(batch.terminalId(), batch.firstSeq(), batch.lastSeq(), TxnAck.Result.STORED, fresh, dups,
                "");
        boolean send;
        synchronized (this) {
            if (dropAck.test(batch)) {
                return;
            }
            send = !holdAcks;
            if (!send) {
                held.add(ack);
            }
        }
        if (send) {
            sendAck(ack);
        }
    }

    public void sendAck(TxnAck ack) {
        Topics t = new Topics(topics.operator());
        link.publish(t.ack(ack.terminalId()), ack.encode(), 1, false);
    }

    private synchronized void problem(String p) {
        problems.add(p);
    }

    /** From now on acks are kept back until {@link #releaseHeld}. */
    public synchronized void holdAcks(boolean hold) {
        holdAcks = hold;
    }

    /** Acks of batches the predicate accepts are never sent (the ack is "lost"). */
    public synchronized void dropAcksWhen(Predicate<TxnBatch> drop) {
        dropAck = drop;
    }

    public synchronized List<TxnAck> held() {
        return new ArrayList<>(held);
    }

    /** Sends the held acks in the given order (indexes into {@link #held()}) and forgets them. */
    public void releaseHeld(List<Integer> order) {
        List<TxnAck> acks = held();
        synchronized (this) {
            held.clear();
        }
        for (int i : order) {
            sendAck(acks.get(i));
        }
    }

    public synchronized List<Received> batches() {
        return new ArrayList<>(batches);
    }

    public synchronized List<String> problems() {
        return new ArrayList<>(problems);
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long rowsReceived() {
        return rowsReceived;
    }

    /** Sequences stored for a terminal, each once. */
    public synchronized List<Long> storedSequences(String terminal) {
        return new ArrayList<>(stored.getOrDefault(terminal, new TreeMap<>()).keySet());
    }

    public synchronized int storedCount(String terminal) {
        return stored.getOrDefault(terminal, new TreeMap<>()).size();
    }

    /** Waits until at least {@code n} batches arrived; false on timeout. */
    public synchronized boolean awaitBatches(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (batches.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits until {@code n} distinct rows of the terminal are stored; false on timeout. */
    public synchronized boolean awaitStored(String terminal, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (storedCount(terminal) < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        link.close();
    }
}
