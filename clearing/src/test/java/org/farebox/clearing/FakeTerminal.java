package org.farebox.clearing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;

/**
 * A terminal's uploader reduced to what the clearing tests need: publishes batches on its txn topic,
 * collects acks, and sends again what stays unacked past a timeout (as the real uploader does).
 */
final class FakeTerminal implements AutoCloseable {
    private final TerminalChain chain;
    private final Topics topics;
    private final MqttLink link;
    private final BlockingQueue<TxnAck> incoming = new LinkedBlockingQueue<>();
    private final List<TxnAck> acks = new CopyOnWriteArrayList<>();
    private int resends;

    FakeTerminal(String brokerUrl, TerminalChain chain) throws InterruptedException {
        this.chain = chain;
        this.topics = new Topics(chain.operator());
        this.link = new MqttLink(LinkOptions.defaults(brokerUrl, "fake-" + chain.terminalId())
                .withSession(true, 0).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new Random(1));
        link.subscribe(topics.ack(chain.terminalId()), 1, (topic, payload, retained) -> {
            TxnAck ack = TxnAck.decode(payload);
            acks.add(ack);
            incoming.add(ack);
        });
        link.start();
        if (!link.awaitConnected(Duration.ofSeconds(10))) {
            fail("fake terminal " + chain.terminalId() + " could not connect: " + link.lastError());
        }
    }

    TerminalChain chain() {
        return chain;
    }

    void send(TxnBatch batch) throws Exception {
        publishRaw(topics.txn(chain.terminalId()), batch.encode());
    }

    void publishRaw(String topic, byte[] payload) throws Exception {
        link.publish(topic, payload, 1, false).get(10, TimeUnit.SECONDS);
    }

    /** The next ack that {@code wanted} accepts (earlier ones are skipped); fails after the timeout. */
    TxnAck awaitAck(Predicate<TxnAck> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            TxnAck ack = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (ack == null) {
                return fail("no matching ack for " + chain.terminalId() + " within " + timeout + "; acks so far: " + acks);
            }
            if (wanted.test(ack)) {
                return ack;
            }
        }
    }

    /** Rows 1..rows cut into batches of {@code batchRows}. */
    List<TxnBatch> batches(int rows, int batchRows) {
        List<TxnBatch> out = new ArrayList<>();
        for (long first = 1; first <= rows; first += batchRows) {
            out.add(chain.batch(first, Math.min(rows, first + batchRows - 1)));
        }
        return out;
    }

    /** Sends rows 1..rows in batches and waits until every batch is acked, resending as the uploader does. */
    void deliver(int rows, int batchRows, Duration ackTimeout, Duration deadline) throws Exception {
        List<TxnBatch> batches = batches(rows, batchRows);
        for (TxnBatch b : batches) {
            send(b);
        }
        awaitAllAcked(batches, ackTimeout, deadline);
    }

    /**
     * Waits until every batch has been acked (now or before), sending a batch again whenever its ack
     * has not come within {@code ackTimeout}; fails after {@code deadline}.
     */
    void awaitAllAcked(List<TxnBatch> batches, Duration ackTimeout, Duration deadline) throws Exception {
        Map<Long, TxnBatch> pending = new LinkedHashMap<>();
        Map<Long, Long> sentAt = new LinkedHashMap<>();
        long now = System.nanoTime();
        for (TxnBatch b : batches) {
            if (acks.stream().noneMatch(a -> a.firstSeq() == b.firstSeq() && a.lastSeq() == b.lastSeq())) {
                pending.put(b.firstSeq(), b);
                sentAt.put(b.firstSeq(), now);
            }
        }
        long end = now + deadline.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > end) {
                fail(chain.terminalId() + ": batches never acked: " + pending.keySet() + " (resends: " + resends + ")");
            }
            TxnAck ack = incoming.poll(100, TimeUnit.MILLISECONDS);
            if (ack != null) {
                TxnBatch b = pending.get(ack.firstSeq());
                if (b != null && b.lastSeq() == ack.lastSeq()) {
                    pending.remove(ack.firstSeq());
                }
            }
            for (Map.Entry<Long, TxnBatch> e : new ArrayList<>(pending.entrySet())) {
                if (System.nanoTime() - sentAt.get(e.getKey()) > ackTimeout.toNanos()) {
                    send(e.getValue());
                    resends++;
                    sentAt.put(e.getKey(), System.nanoTime());
                }
            }
        }
    }

    List<TxnAck> acks() {
        return List.copyOf(acks);
    }

    int resends() {
        return resends;
    }

    @Override
    public void close() {
        link.close();
    }
}
