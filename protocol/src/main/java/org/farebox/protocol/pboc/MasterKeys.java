package org.farebox.protocol.pboc;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.farebox.protocol.bytes.Hex;

/**
 * Issuer master keys for the e-purse, per purchase key index, and how cards derive theirs from them.
 * The software SAM, the virtual PSAM and the card issuer all read this one text format:
 *
 * <pre>
 * # Farebox master keys: keep this file mode 0600
 * diversification_levels = 1          # 1: card serial only; 2: issuer id, then card serial
 * key.01.version     = 01             # key version the card reports for this index
 * key.01.purchase    = 32 hex digits  # DPK master (purchase MACs)
 * key.01.tac         = 32 hex digits  # DTK master (TAC)
 * key.01.maintenance = 32 hex digits  # DAMK master (APPLICATION BLOCK)
 * </pre>
 */
public final class MasterKeys {
    /** What a master key is for; each diversifies to one card key. */
    public enum Usage { PURCHASE, TAC, MAINTENANCE }

    /** The three master keys of one key index. */
    public record KeySet(int index, int version, byte[] purchase, byte[] tac, byte[] maintenance) {
        public byte[] master(Usage usage) {
            switch (usage) {
                case PURCHASE: return purchase.clone();
                case TAC: return tac.clone();
                default: return maintenance.clone();
            }
        }
    }

    private final int diversificationLevels;
    private final Map<Integer, KeySet> keySets;

    public MasterKeys(int diversificationLevels, Map<Integer, KeySet> keySets) {
        if (diversificationLevels != 1 && diversificationLevels != 2) {
            throw new IllegalArgumentException("diversification_levels must be 1 or 2, got " + diversificationLevels);
        }
        if (keySets.isEmpty()) {
            throw new IllegalArgumentException("no key.<index>.* entries: at least one key index is needed");
        }
        this.diversificationLevels = diversificationLevels;
        this.keySets = Collections.unmodifiableMap(new TreeMap<>(keySets));
    }

    public int diversificationLevels() {
        return diversificationLevels;
    }

    public Map<Integer, KeySet> keySets() {
        return keySets;
    }

    public KeySet keySet(int index) {
        KeySet k = keySets.get(index);
        if (k == null) {
            throw new IllegalArgumentException("no master keys for key index " + String.format("%02X", index));
        }
        return k;
    }

    /** The card's own key for {@code usage}: the master diversified with the card's factors. */
    public byte[] cardKey(Usage usage, int index, byte[] issuerFactor8, byte[] cardFactor8) {
        byte[] master = keySet(index).master(usage);
        return diversificationLevels == 1
                ? PbocCrypto.diversify(master, cardFactor8)
                : PbocCrypto.diversify(master, issuerFactor8, cardFactor8);
    }

    /** Fresh master keys for one key index: for labs, demos and test issuers (use a SecureRandom). */
    public static MasterKeys generate(java.util.Random random, int diversificationLevels, int keyIndex, int version) {
        byte[][] k = new byte[3][16];
        for (byte[] key : k) {
            random.nextBytes(key);
        }
        return new MasterKeys(diversificationLevels, Map.of(keyIndex, new KeySet(keyIndex, version, k[0], k[1], k[2])));
    }

    /** Parses the text format; an error names the line. */
    public static MasterKeys parse(String text) {
        int levels = 1;
        Map<Integer, Object[]> raw = new TreeMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected key = value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                if (key.equals("diversification_levels")) {
                    levels = Integer.parseInt(value);
                    continue;
                }
                String[] parts = key.split("\\.");
                if (parts.length != 3 || !parts[0].equals("key") || !parts[1].matches("[0-9A-Fa-f]{2}")) {
                    throw new IllegalArgumentException("unknown key \"" + key + "\"");
                }
                Object[] slots = raw.computeIfAbsent(Integer.parseInt(parts[1], 16), i -> new Object[4]);
                switch (parts[2]) {
                    case "version": slots[0] = Hex.parse(value, 1, key)[0] & 0xFF; break;
                    case "purchase": slots[1] = Hex.parse(value, 16, key); break;
                    case "tac": slots[2] = Hex.parse(value, 16, key); break;
                    case "maintenance": slots[3] = Hex.parse(value, 16, key); break;
                    default: throw new IllegalArgumentException("unknown key \"" + key + "\"");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        Map<Integer, KeySet> sets = new TreeMap<>();
        for (Map.Entry<Integer, Object[]> e : raw.entrySet()) {
            String idx = String.format("%02X", e.getKey());
            Object[] s = e.getValue();
            String[] names = {"version", "purchase", "tac", "maintenance"};
            for (int i = 0; i < 4; i++) {
                if (s[i] == null) {
                    throw new IllegalArgumentException("key." + idx + "." + names[i] + " is missing");
                }
            }
            sets.put(e.getKey(), new KeySet(e.getKey(), (Integer) s[0], (byte[]) s[1], (byte[]) s[2], (byte[]) s[3]));
        }
        return new MasterKeys(levels, sets);
    }

    public String format() {
        StringBuilder sb = new StringBuilder("# Farebox master keys: keep this file mode 0600\n");
        sb.append("diversification_levels = ").append(diversificationLevels).append('\n');
        for (KeySet k : keySets.values()) {
            String p = String.format("key.%02X.", k.index());
            sb.append(p).append("version = ").append(String.format("%02X", k.version())).append('\n');
            sb.append(p).append("purchase = ").append(Hex.of(k.purchase())).append('\n');
            sb.append(p).append("tac = ").append(Hex.of(k.tac())).append('\n');
            sb.append(p).append("maintenance = ").append(Hex.of(k.maintenance())).append('\n');
        }
        return sb.toString();
    }
}
