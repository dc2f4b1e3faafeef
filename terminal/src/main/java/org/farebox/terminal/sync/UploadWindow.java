package org.farebox.terminal.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The uploader's bookkeeping, and all of it: sequence ranges, never rows. Which batches are in flight,
 * how far rows were published, and which acknowledged ranges lie beyond the cleared mark (acks may
 * come out of order; the mark advances over the contiguous acknowledged prefix only). Not thread-safe:
 * the uploader guards it with its lock.
 */
final class UploadWindow {

    /** What an ack did. */
    enum AckKind {
        /** The cleared mark moved forward. */
        ADVANCED,
        /** Acknowledged rows beyond a gap: remembered until the gap is acknowledged. */
        AHEAD,
        /** Every row of the range was cleared already (a repeated ack). */
        ALREADY_CLEARED,
        /** The range reaches beyond anything sent by this process: ignored. */
        NEVER_SENT
    }

    record AckResult(AckKind kind, long clearedThrough) {
    }

    private record Batch(long first, long last, long sentAtNanos) {
    }

    private final int maxBatches;
    private final Deque<Batch> inFlight = new ArrayDeque<>();
    /** Acknowledged ranges above the mark, first -> last, merged so that none touch. */
    private final TreeMap<Long, Long> ahead = new TreeMap<>();
    private long clearedThrough;
    private long publishedThrough;
    private long sentThrough;

    UploadWindow(long clearedThrough, int maxBatches) {
        if (clearedThrough < 0 || maxBatches < 1) {
            throw new IllegalArgumentException("clearedThrough >= 0 and maxBatches >= 1");
        }
        this.maxBatches = maxBatches;
        this.clearedThrough = clearedThrough;
        this.publishedThrough = clearedThrough;
        // rows up to the mark were sent by an earlier run, or the mark could not be there
        this.sentThrough = clearedThrough;
    }

    long clearedThrough() {
        return clearedThrough;
    }

    /** The next batch starts after this sequence. */
    long publishedThrough() {
        return publishedThrough;
    }

    /** The highest sequence published by this process (or cleared before it started). */
    long sentThrough() {
        return sentThrough;
    }

    int inFlight() {
        return inFlight.size();
    }

    boolean hasRoom() {
        return inFlight.size() < maxBatches;
    }

    /** Records a published batch; returns true when some of its rows had been published before (a resend). */
    boolean sent(long first, long last, long nowNanos) {
        if (first != publishedThrough + 1 || last < first) {
            throw new IllegalStateException("batch " + first + ".." + last + " does not follow " + publishedThrough);
        }
        if (!hasRoom()) {
            throw new IllegalStateException("window full: " + inFlight.size() + " batches in flight");
        }
        boolean resend = first <= sentThrough;
        inFlight.addLast(new Batch(first, last, nowNanos));
        publishedThrough = last;
        sentThrough = Math.max(sentThrough, last);
        return resend;
    }

    AckResult acked(long first, long last) {
        if (first < 1 || last < first || last > sentThrough) {
            return new AckResult(AckKind.NEVER_SENT, clearedThrough);
        }
        inFlight.removeIf(b -> b.first() >= first && b.last() <= last);
        if (last <= clearedThrough) {
            return new AckResult(AckKind.ALREADY_CLEARED, clearedThrough);
        }
        addAhead(Math.max(first, clearedThrough + 1), last);
        long before = clearedThrough;
        Map.Entry<Long, Long> lowest = ahead.firstEntry();
        if (lowest != null && lowest.getKey() == clearedThrough + 1) {
            clearedThrough = lowest.getValue();
            ahead.remove(lowest.getKey());
            inFlight.removeIf(b -> b.last() <= clearedThrough);
        }
        return new AckResult(clearedThrough > before ? AckKind.ADVANCED : AckKind.AHEAD, clearedThrough);
    }

    private void addAhead(long first, long last) {
        long from = first;
        long to = last;
        Map.Entry<Long, Long> below = ahead.floorEntry(from);
        if (below != null && below.getValue() >= from - 1) {
            from = below.getKey();
            to = Math.max(to, below.getValue());
            ahead.remove(below.getKey());
        }
        for (Map.Entry<Long, Long> next = ahead.ceilingEntry(from); next != null && next.getKey() <= to + 1;
                next = ahead.ceilingEntry(from)) {
            to = Math.max(to, next.getValue());
            ahead.remove(next.getKey());
        }
        ahead.put(from, to);
    }

    /** When the oldest batch in flight was sent; empty when none is. */
    OptionalLong oldestSentAt() {
        OptionalLong oldest = OptionalLong.empty();
        for (Batch b : inFlight) {
            if (oldest.isEmpty() || b.sentAtNanos() < oldest.getAsLong()) {
                oldest = OptionalLong.of(b.sentAtNanos());
            }
        }
        return oldest;
    }

    /** Forgets what is in flight: the next batch starts again after the cleared mark. */
    void rewind() {
        inFlight.clear();
        publishedThrough = clearedThrough;
    }

    /** Acknowledged ranges waiting beyond a gap, for logs and tests. */
    int rangesAhead() {
        return ahead.size();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("cleared " + clearedThrough + ", published " + publishedThrough
                + ", in flight [");
        for (Iterator<Batch> i = inFlight.iterator(); i.hasNext();) {
            Batch batch = i.next();
            b.append(batch.first()).append("..").append(batch.last()).append(i.hasNext() ? ", " : "");
        }
        return b.append("], ahead ").append(ahead).toString();
    }
}
