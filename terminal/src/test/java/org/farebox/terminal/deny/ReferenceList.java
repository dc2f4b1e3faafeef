package org.farebox.terminal.deny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;

/** The deny list kept the obvious way (two TreeMaps), to hold the store against; random changes from a seed. */
final class ReferenceList {
    final TreeMap<String, DenyReason> cards = new TreeMap<>();
    final TreeMap<String, DenyReason> accounts = new TreeMap<>();
    long version;
    private final Random random;
    private final int spread;

    ReferenceList(Random random, int spread) {
        this.random = random;
        this.spread = spread;
    }

    String randomSerial() {
        return String.format("3104%016d", (long) random.nextInt(spread) * 7919L);
    }

    String randomAccount() {
        return "qr-" + random.nextInt(spread) + (random.nextBoolean() ? "-é" : "");
    }

    DenyReason randomReason() {
        return DenyReason.values()[random.nextInt(DenyReason.values().length)];
    }

    DenyListSnapshot fill(long version, int cardCount, int accountCount) {
        this.version = version;
        while (cards.size() < cardCount) {
            cards.put(randomSerial(), randomReason());
        }
        while (accounts.size() < accountCount) {
            accounts.put(randomAccount(), randomReason());
        }
        return snapshot();
    }

    DenyListSnapshot snapshot() {
        DenyListSnapshot.Builder b = DenyListSnapshot.builder(version, Instant.ofEpochSecond(1_700_000_000L + version));
        cards.forEach(b::card);
        accounts.forEach(b::account);
        return b.build();
    }

    /** Changes the reference at random (adds, removals, new reasons) and returns the delta saying so. */
    DenyListDelta change(int cardChanges, int accountChanges) {
        version++;
        DenyListDelta.Builder d = DenyListDelta.builder(version, Instant.ofEpochSecond(1_700_000_000L + version));
        change(cards, cardChanges, this::randomSerial, d::addCard, d::removeCard);
        change(accounts, accountChanges, this::randomAccount, d::addAccount, d::removeAccount);
        return d.build();
    }

    private void change(TreeMap<String, DenyReason> map, int n, java.util.function.Supplier<String> fresh,
            java.util.function.BiConsumer<String, DenyReason> add, java.util.function.Consumer<String> remove) {
        java.util.Set<String> touched = new java.util.HashSet<>();
        List<String> existing = new ArrayList<>(map.keySet());
        for (int i = 0; i < n; i++) {
            int dice = random.nextInt(3);
            if (dice == 0 && !existing.isEmpty()) {
                String k = existing.get(random.nextInt(existing.size()));
                if (touched.add(k)) {
                    map.remove(k);
                    remove.accept(k);
                }
            } else if (dice == 1 && !existing.isEmpty()) {
                String k = existing.get(random.nextInt(existing.size()));
                DenyReason r = randomReason();
                if (r != map.get(k) && touched.add(k)) {
                    map.put(k, r);
                    add.accept(k, r);
                }
            } else {
                String k = fresh.get();
                if (!map.containsKey(k) && touched.add(k)) {
                    DenyReason r = randomReason();
                    map.put(k, r);
                    add.accept(k, r);
                }
            }
        }
    }

    /** Probes: every listed key, and as many random ones (mostly not listed). */
    List<String> probeCards() {
        List<String> probes = new ArrayList<>(cards.keySet());
        for (int i = 0; i < cards.size() + 10; i++) {
            probes.add(randomSerial());
        }
        probes.add("3104000000000000000");
        probes.add("3104000000000000000A");
        return probes;
    }

    List<String> probeAccounts() {
        List<String> probes = new ArrayList<>(accounts.keySet());
        for (int i = 0; i < accounts.size() + 10; i++) {
            probes.add(randomAccount());
        }
        return probes;
    }

    static Map<String, DenyReason> asMap(DenyListSnapshot s) {
        Map<String, DenyReason> m = new TreeMap<>();
        for (int i = 0; i < s.cards().size(); i++) {
            m.put(s.cards().serial(i), s.cards().reason(i));
        }
        return m;
    }
}
