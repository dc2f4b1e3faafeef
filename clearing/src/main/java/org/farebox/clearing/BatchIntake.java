package org.farebox.clearing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.farebox.clearing.store.BatchResult;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.clearing.store.Finding;
import org.farebox.clearing.store.FindingKind;
import org.farebox.clearing.store.StoreException;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.sync.SyncFormatException;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;

/**
 * What the clearing host does with one message from a txn topic, apart from MQTT: read it, refuse
 * or quarantine what cannot be filed, store the rest, and say which ack (if any) to send once the
 * store has committed. Never throws for bad input; a store that stays down throws StoreException.
 */
public final class BatchIntake {

    /** An ack to publish on {@code topic}. */
    public record Ack(String topic, TxnAck ack) {
    }

    /** What became of one message; {@code stored} is true when a batch reached a committed transaction. */
    public record Outcome(Optional<Ack> ack, boolean stored, Optional<BatchResult> result) {
        static Outcome noAck() {
            return new Outcome(Optional.empty(), false, Optional.empty());
        }
    }

    private static final int MAX_ACK_DETAIL = 300;

    private final ClearingStore store;

    public BatchIntake(ClearingStore store) {
        this.store = store;
    }

    public Outcome handle(String topic, byte[] payload) {
        Optional<Topics.TerminalTopic> parsed = Topics.parseTerminalTopic(topic);
        if (parsed.isEmpty() || !parsed.get().leaf().equals("txn")) {
            quarantine(topic, "", payload, "not a terminal's txn topic", FindingKind.QUARANTINED, 0, 0);
            return Outcome.noAck();
        }
        Topics.TerminalTopic from = parsed.get();
        TxnBatch batch;
        try {
            batch = TxnBatch.decode(payload);
        } catch (SyncFormatException | RuntimeException e) {
            return unreadable(topic, from, payload, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (!batch.terminalId().equals(from.terminalId()) || !batch.operator().equals(from.operator())) {
            quarantine(topic, from.terminalId(), payload, "batch of " + batch.operator() + "/" + batch.terminalId()
                    + " published on the topic of " + from.operator() + "/" + from.terminalId() + ": refused",
                    FindingKind.MISMATCHED_TOPIC, batch.firstSeq(), batch.lastSeq());
            return Outcome.noAck();
        }
        BatchResult result;
        try {
            result = store.store(batch);
        } catch (StoreException e) {
            if (!e.isBadData()) {
                throw e;
            }
            return unreadable(topic, from, payload, "the store refused the rows: " + e.getMessage());
        }
        if (result.refusal().isPresent()) {
            quarantine(topic, from.terminalId(), payload, result.refusal().get() + ": refused",
                    FindingKind.MISMATCHED_TOPIC, batch.firstSeq(), batch.lastSeq());
            return Outcome.noAck();
        }
        Log.batch(batch, result);
        String detail = result.findings().isEmpty() ? "" : result.findings().stream()
                .map(f -> f.kind() + " " + f.firstSeq() + "-" + f.lastSeq()).collect(Collectors.joining(", "));
        TxnAck ack = new TxnAck(batch.terminalId(), batch.firstSeq(), batch.lastSeq(), TxnAck.Result.STORED,
                result.stored(), result.duplicates(), shorten(detail));
        return new Outcome(Optional.of(new Ack(new Topics(from.operator()).ack(from.terminalId()), ack)), true,
                Optional.of(result));
    }

    /** Quarantined; acked as QUARANTINED only when the payload at least names its sequence range. */
    private Outcome unreadable(String topic, Topics.TerminalTopic from, byte[] payload, String error) {
        Optional<long[]> range = sniffRange(payload);
        long first = range.map(r -> r[0]).orElse(0L);
        long last = range.map(r -> r[1]).orElse(0L);
        quarantine(topic, from.terminalId(), payload, error, FindingKind.QUARANTINED, first, last);
        if (range.isEmpty()) {
            return Outcome.noAck();
        }
        TxnAck ack = new TxnAck(from.terminalId(), first, last, TxnAck.Result.QUARANTINED, 0, 0,
                shorten("quarantined: " + error));
        return new Outcome(Optional.of(new Ack(new Topics(from.operator()).ack(from.terminalId()), ack)), false,
                Optional.empty());
    }

    private void quarantine(String topic, String terminalId, byte[] payload, String error, FindingKind kind,
            long first, long last) {
        Finding f = store.quarantine(topic, terminalId, payload, error, kind, first, last);
        Log.finding(f);
    }

    /** first_seq/last_seq of a batch-like JSON object that is otherwise broken; empty if not even that. */
    static Optional<long[]> sniffRange(byte[] payload) {
        if (payload.length > TxnBatch.MAX_BYTES) {
            return Optional.empty();
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(new String(payload, StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // JsonException, or anything a hostile payload provokes
            return Optional.empty();
        }
        if (!(m.get("first_seq") instanceof Long) || !(m.get("last_seq") instanceof Long)) {
            return Optional.empty();
        }
        long first = (Long) m.get("first_seq");
        long last = (Long) m.get("last_seq");
        if (first < 1 || last < first || last - first >= TxnBatch.MAX_ROWS) {
            return Optional.empty();
        }
        return Optional.of(new long[] {first, last});
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ACK_DETAIL ? s : s.substring(0, MAX_ACK_DETAIL - 3) + "...";
    }
}
