package org.farebox.simulator.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.json.Json;

/** The JSON form of a {@link CardImage}: byte fields as hex, numbers as numbers, format tag first. */
final class CardImageJson {
    static final String FORMAT = "farebox-virtual-card/1";

    private CardImageJson() {
    }

    static String write(CardImage image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("serial", image.serialNumber());
        m.put("balance_fen", image.balance());
        m.put("overdraft_limit_fen", image.overdraftLimit());
        m.put("offline_counter", (long) image.offlineCounter());
        m.put("online_counter", (long) image.onlineCounter());
        m.put("algorithm_id", (long) image.algorithmId());
        m.put("legacy", image.legacy());
        m.put("blocked", image.blocked());
        m.put("locked", image.locked());
        m.put("mac_failures", (long) image.macFailureCount());
        m.put("file_15", Hex.of(image.publicBasicDataFile()));
        m.put("file_16", Hex.of(image.cardholderFile()));
        m.put("file_17", Hex.of(image.managementFile()));
        m.put("journey_1a", Hex.of(image.journeyFile()));
        m.put("trip_log_1e", hexList(image.tripLog()));
        m.put("purse_log_18", hexList(image.purseLogRecords()));
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Map.Entry<Integer, CardKeys> e : image.keys().entrySet()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("version", (long) e.getValue().version());
            k.put("dpk", Hex.of(e.getValue().dpk()));
            k.put("dtk", Hex.of(e.getValue().dtk()));
            k.put("damk", Hex.of(e.getValue().damk()));
            keys.put(String.format("%02X", e.getKey()), k);
        }
        m.put("keys", keys);
        m.put("last_proof", image.lastProof().map(CardImageJson::proof).orElse(null));
        return Json.write(m) + "\n";
    }

    static CardImage read(String json) {
        Map<String, Object> m = Json.parseObject(json);
        Object format = m.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be \"" + FORMAT + "\", got " + format);
        }
        CardImage.Builder b = CardImage.builder();
        b.balance = number(m, "balance_fen");
        b.overdraftLimit = number(m, "overdraft_limit_fen");
        b.offlineCounter = (int) number(m, "offline_counter", 0xFFFF);
        b.onlineCounter = (int) number(m, "online_counter", 0xFFFF);
        b.algorithmId = (int) number(m, "algorithm_id", 0xFF);
        b.legacy = bool(m, "legacy");
        b.blocked = bool(m, "blocked");
        b.locked = bool(m, "locked");
        b.macFailures = (int) number(m, "mac_failures", 0xFF);
        b.publicBasicData = hex(m, "file_15");
        b.cardholder = hex(m, "file_16");
        b.management = hex(m, "file_17");
        b.journey = hex(m, "journey_1a");
        b.tripLog = hexRecords(m, "trip_log_1e");
        b.purseLog = hexRecords(m, "purse_log_18");
        for (Map.Entry<String, Object> e : object(m, "keys").entrySet()) {
            String where = "keys." + e.getKey();
            if (!e.getKey().matches("[0-9A-Fa-f]{2}") || !(e.getValue() instanceof Map)) {
                throw new IllegalArgumentException(where + " must be a two-hex-digit key index with an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> k = (Map<String, Object>) e.getValue();
            b.keys.put(Integer.parseInt(e.getKey(), 16), new CardKeys((int) number(k, "version", 0xFF),
                    hex(k, "dpk", where), hex(k, "dtk", where), hex(k, "damk", where)));
        }
        Object proof = m.get("last_proof");
        if (proof != null) {
            if (!(proof instanceof Map)) {
                throw new IllegalArgumentException("last_proof must be an object or null");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) proof;
            b.lastProof = new TransactionProof((int) number(p, "type", 0xFF), (int) number(p, "counter", 0xFFFF),
                    hex(p, "mac2", "last_proof"), hex(p, "tac", "last_proof"));
        }
        CardImage image = b.build();
        Object serial = m.get("serial");
        if (serial != null && !serial.equals(image.serialNumber())) {
            throw new IllegalArgumentException("serial " + serial + " does not match file 0x15 (" + image.serialNumber() + ")");
        }
        return image;
    }

    private static Map<String, Object> proof(TransactionProof p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", (long) p.type());
        m.put("counter", (long) p.counter());
        m.put("mac2", Hex.of(p.mac2()));
        m.put("tac", Hex.of(p.tac()));
        return m;
    }

    private static List<Object> hexList(List<byte[]> records) {
        List<Object> out = new ArrayList<>();
        for (byte[] r : records) {
            out.add(Hex.of(r));
        }
        return out;
    }

    private static Object required(Map<String, Object> m, String key) {
        if (!m.containsKey(key) || m.get(key) == null) {
            throw new IllegalArgumentException("missing field \"" + key + "\"");
        }
        return m.get(key);
    }

    private static long number(Map<String, Object> m, String key) {
        Object v = required(m, key);
        if (!(v instanceof Long)) {
            throw new IllegalArgumentException("field \"" + key + "\" must be an integer, got " + v);
        }
        return (Long) v;
    }

    private static long number(Map<String, Object> m, String key, long max) {
        long v = number(m, key);
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("field \"" + key + "\" must be 0.." + max + ", got " + v);
        }
        return v;
    }

    private static boolean bool(Map<String, Object> m, String key) {
        Object v = required(m, key);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException("field \"" + key + "\" must be true or false, got " + v);
        }
        return (Boolean) v;
    }

    private static byte[] hex(Map<String, Object> m, String key) {
        return hex(m, key, null);
    }

    private static byte[] hex(Map<String, Object> m, String key, String parent) {
        String name = parent == null ? key : parent + "." + key;
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("field \"" + name + "\" must be a hex string");
        }
        try {
            return Hex.parse((String) v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static List<byte[]> hexRecords(Map<String, Object> m, String key) {
        Object v = required(m, key);
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("field \"" + key + "\" must be a list of hex strings");
        }
        List<byte[]> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String)) {
                throw new IllegalArgumentException("field \"" + key + "\" must be a list of hex strings");
            }
            out.add(Hex.parse((String) o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String key) {
        Object v = required(m, key);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("field \"" + key + "\" must be an object");
        }
        return (Map<String, Object>) v;
    }
}
