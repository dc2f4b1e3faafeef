package org.farebox.terminal.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tap thread reads while the MQTT thread applies. Version k of the list denies logical cards 0..100k-1;
 * their serials are scattered (a permutation), so a list half applied would deny some high-numbered card of
 * a delta while a lower one of the same delta is still missing. Only ever growing, every list a reader can
 * see denies a prefix of the logical cards: scanning from high to low, once a card is denied every lower
 * one must be too.
 */
class DenyListConcurrencyTest {
    private static final int PER_VERSION = 100;
    private static final int VERSIONS = 60;

    @TempDir
    Path dir;

    private static String serial(int logical) {
        long scattered = (logical * 2_654_435_761L) % 1_000_003L; // a permutation of 0..1_000_002
        return String.format("3104%016d", scattered);
    }

    @Test
    void readersNeverSeeAHalfAppliedList() throws Exception {
        int cards = PER_VERSION * VERSIONS;
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> violation = new AtomicReference<>();
        AtomicInteger scans = new AtomicInteger();
        AtomicInteger partialScans = new AtomicInteger();
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(DenyListSnapshot.builder(1, Instant.EPOCH).build());
            Thread reader = new Thread(() -> {
                while (!done.get() && violation.get() == null) {
                    int firstDenied = -1;
                    for (int i = cards - 1; i >= 0; i--) {
                        boolean denied = store.isDenied(serial(i));
                        if (denied && firstDenied < 0) {
                            firstDenied = i;
                        } else if (!denied && firstDenied >= 0) {
                            violation.set("card " + i + " not denied after card " + firstDenied + " was");
                            return;
                        }
                    }
                    scans.incrementAndGet();
                    if (firstDenied >= 0 && firstDenied < cards - 1) {
                        partialScans.incrementAndGet();
                    }
                }
            }, "tap");
            reader.start();
            for (int v = 2; v <= VERSIONS + 1; v++) {
                int from = (v - 2) * PER_VERSION;
                if (v % 10 == 0) {
                    DenyListSnapshot.Builder s = DenyListSnapshot.builder(v, Instant.EPOCH);
                    for (int i = 0; i < from + PER_VERSION; i++) {
                        s.card(serial(i), DenyReason.LOST);
                    }
                    store.applySnapshot(s.build());
                } else {
                    DenyListDelta.Builder d = DenyListDelta.builder(v, Instant.EPOCH);
                    for (int i = from; i < from + PER_VERSION; i++) {
                        d.addCard(serial(i), DenyReason.STOLEN);
                    }
                    store.applyDelta(d.build());
                }
            }
            done.set(true);
            reader.join();
            assertEquals(null, violation.get());
            assertEquals(cards, store.size());
            assertTrue(scans.get() > 0);
            System.out.printf("deny list concurrency: %d scans, %d of them during the writes%n", scans.get(),
                    partialScans.get());
        }
    }
}
