package org.farebox.bench;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.farebox.protocol.deny.CardSerials;
import org.farebox.protocol.deny.DeniedCards;
import org.farebox.protocol.deny.DenyListSnapshot;

/**
 * A fleet-sized deny list made from a seed: {@code entries} card serials starting 3104 5101 88, ascending
 * with gaps of 1 to 5, random reasons; and lookup probes, half of them denied cards and half cards that are
 * not on the list (serials starting 3105).
 */
final class DenyListFixture {
    static final long SEED = 20_261_122L;
    private static final long FIRST = 5101_8800_0000_0000L;

    private final byte[] keys;
    private final byte[] reasons;

    DenyListFixture(int entries) {
        Random random = new Random(SEED);
        keys = new byte[entries * CardSerials.BYTES];
        reasons = new byte[entries];
        long serial = FIRST;
        for (int i = 0; i < entries; i++) {
            serial += 1 + random.nextInt(5);
            CardSerials.pack(String.format("3104%016d", serial), keys, i * CardSerials.BYTES);
            reasons[i] = (byte) (1 + random.nextInt(5));
        }
    }

    int size() {
        return reasons.length;
    }

    DenyListSnapshot snapshot(long version) {
        return new DenyListSnapshot(version, Instant.parse("2026-11-22T08:00:00Z"),
                DeniedCards.fromPacked(keys, reasons), Map.of());
    }

    /** {@code count} serials to look up, alternately denied and not denied, in random order of the list. */
    String[] probes(int count) {
        Random random = new Random(SEED + 1);
        String[] probes = new String[count];
        for (int i = 0; i < count; i++) {
            String denied = CardSerials.unpack(keys, random.nextInt(reasons.length) * CardSerials.BYTES);
            probes[i] = i % 2 == 0 ? denied : "3105" + denied.substring(4);
        }
        return probes;
    }
}
