package org.farebox.terminal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.farebox.terminal.sync.UploadWindow.AckKind;
import org.junit.jupiter.api.Test;

class UploadWindowTest {

    @Test
    void theMarkAdvancesOnlyOverTheContiguousAcknowledgedPrefix() {
        UploadWindow w = new UploadWindow(0, 8);
        w.sent(1, 10, 0);
        w.sent(11, 20, 0);
        w.sent(21, 30, 0);

        assertEquals(AckKind.AHEAD, w.acked(21, 30).kind());
        assertEquals(AckKind.AHEAD, w.acked(11, 20).kind());
        assertEquals(0, w.clearedThrough());
        assertEquals(1, w.inFlight(), "acknowledged batches leave the window even beyond a gap");
        assertEquals(1, w.rangesAhead(), "11-20 and 21-30 merged");

        UploadWindow.AckResult r = w.acked(1, 10);
        assertEquals(AckKind.ADVANCED, r.kind());
        assertEquals(30, r.clearedThrough());
        assertEquals(0, w.inFlight());
        assertEquals(0, w.rangesAhead());
    }

    @Test
    void anyOrderOfAcksEndsWithEverythingClearedAndTheMarkNeverBeyondTheFirstGap() {
        Random random = new Random(0xAC5);
        for (int round = 0; round < 200; round++) {
            int batches = 1 + random.nextInt(12);
            UploadWindow w = new UploadWindow(0, 16);
            List<long[]> sent = new ArrayList<>();
            long next = 1;
            for (int b = 0; b < batches; b++) {
                long last = next + random.nextInt(5);
                w.sent(next, last, 0);
                sent.add(new long[] {next, last});
                next = last + 1;
            }
            List<long[]> order = new ArrayList<>(sent);
            Collections.shuffle(order, random);
            boolean[] acked = new boolean[batches];
            for (long[] range : order) {
                w.acked(range[0], range[1]);
                acked[sent.indexOf(range)] = true;
                long expected = 0;
                for (int b = 0; b < batches && acked[b]; b++) {
                    expected = sent.get(b)[1];
                }
                assertEquals(expected, w.clearedThrough(), "round " + round);
            }
            assertEquals(next - 1, w.clearedThrough());
            assertEquals(0, w.inFlight());
        }
    }

    @Test
    void acksBeyondWhatWasSentAreIgnoredAndRepeatedAcksChangeNothing() {
        UploadWindow w = new UploadWindow(100, 4);
        assertEquals(AckKind.NEVER_SENT, w.acked(101, 110).kind());
        w.sent(101, 110, 0);
        assertEquals(AckKind.NEVER_SENT, w.acked(101, 111).kind());
        assertEquals(AckKind.NEVER_SENT, w.acked(0, 5).kind());
        assertEquals(AckKind.ADVANCED, w.acked(101, 110).kind());
        assertEquals(AckKind.ALREADY_CLEARED, w.acked(101, 110).kind());
        assertEquals(AckKind.ALREADY_CLEARED, w.acked(50, 60).kind(), "cleared by an earlier run: harmless");
        assertEquals(110, w.clearedThrough());
    }

    @Test
    void rewindStartsAgainAfterTheMarkAndCountsWhatFollowsAsResends() {
        UploadWindow w = new UploadWindow(0, 4);
        assertFalse(w.sent(1, 10, 0));
        assertFalse(w.sent(11, 20, 0));
        w.acked(1, 10);
        w.rewind();
        assertEquals(10, w.publishedThrough());
        assertEquals(0, w.inFlight());
        assertTrue(w.sent(11, 25, 0), "11-20 went out before");
        assertFalse(w.sent(26, 30, 0));
        assertEquals(AckKind.ADVANCED, w.acked(11, 20).kind(), "a late ack of the first send still counts");
        assertEquals(20, w.clearedThrough());
    }

    @Test
    void theWindowRefusesMoreBatchesThanItsSizeAndBatchesOutOfSequence() {
        UploadWindow w = new UploadWindow(0, 2);
        w.sent(1, 1, 0);
        w.sent(2, 2, 0);
        assertFalse(w.hasRoom());
        assertThrows(IllegalStateException.class, () -> w.sent(3, 3, 0));
        w.acked(1, 1);
        assertThrows(IllegalStateException.class, () -> w.sent(5, 6, 0));
        w.sent(3, 3, 0);
    }

    @Test
    void theOldestSendTimeIsTheAckDeadlineBase() {
        UploadWindow w = new UploadWindow(0, 4);
        assertTrue(w.oldestSentAt().isEmpty());
        w.sent(1, 1, 500);
        w.sent(2, 2, 900);
        assertEquals(500, w.oldestSentAt().getAsLong());
        w.acked(1, 1);
        assertEquals(900, w.oldestSentAt().getAsLong());
    }
}
