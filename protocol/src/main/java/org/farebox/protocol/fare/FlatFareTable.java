package org.farebox.protocol.fare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;

/**
 * The foundation's fare table: a flat fare per route and a percentage of it per rider category, with
 * the mapping from card-type codes (file 0x17) to categories. Amounts are fen.
 *
 * <pre>{
 *   "format": "farebox-flat-fare/1", "version": 7, "currency": "CNY",
 *   "default_fare_fen": 200, "route_fares_fen": {"101": 200, "K2": 300},
 *   "category_percent": {"adult": 100, "student": 50, "senior": 0, "free": 0},
 *   "card_types": {"01": "adult", "02": "student", "03": "senior", "04": "free"},
 *   "default_category": "adult"
 * }</pre>
 */
public record FlatFareTable(long version, String currency, long defaultFareFen, Map<String, Long> routeFaresFen,
        Map<String, Integer> categoryPercent, Map<Integer, String> cardTypes, String defaultCategory) {

    public static final String FORMAT = "farebox-flat-fare/1";
    /** Fares above this are refused as absurd: no single bus ride costs 1,000 yuan. */
    public static final long MAX_FARE_FEN = 100_000;

    public FlatFareTable {
        routeFaresFen = Map.copyOf(routeFaresFen);
        categoryPercent = Map.copyOf(categoryPercent);
        cardTypes = Map.copyOf(cardTypes);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        checkFare("default_fare_fen", defaultFareFen);
        for (Map.Entry<String, Long> e : routeFaresFen.entrySet()) {
            checkFare("route_fares_fen." + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Integer> e : categoryPercent.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 100) {
                throw new IllegalArgumentException("category_percent." + e.getKey() + " must be 0..100, got " + e.getValue());
            }
        }
        if (!categoryPercent.containsKey(defaultCategory)) {
            throw new IllegalArgumentException("default_category \"" + defaultCategory + "\" has no category_percent");
        }
        for (Map.Entry<Integer, String> e : cardTypes.entrySet()) {
            if (!categoryPercent.containsKey(e.getValue())) {
                throw new IllegalArgumentException("card_types." + String.format("%02X", e.getKey())
                        + " names unknown category \"" + e.getValue() + "\"");
            }
        }
    }

    /** Reads and validates the JSON form; the message of any error names the field. */
    public static FlatFareTable parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        String format = text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new JsonException("format must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        Map<String, Long> routes = new LinkedHashMap<>();
        object(root, "route_fares_fen").forEach((k, v) -> routes.put(k, integer(v, "route_fares_fen." + k)));
        Map<String, Integer> percents = new LinkedHashMap<>();
        object(root, "category_percent").forEach((k, v) -> percents.put(k, (int) integer(v, "category_percent." + k)));
        Map<Integer, String> types = new LinkedHashMap<>();
        object(root, "card_types").forEach((k, v) -> {
            if (!k.matches("[0-9A-Fa-f]{2}")) {
                throw new JsonException("card_types key \"" + k + "\" must be a 2-digit hex card type");
            }
            if (!(v instanceof String)) {
                throw new JsonException("card_types." + k + " must be a category name");
            }
            types.put(Integer.parseInt(k, 16), (String) v);
        });
        return new FlatFareTable(integer(root.get("version"), "version"), text(root, "currency"),
                integer(root.get("default_fare_fen"), "default_fare_fen"), routes, percents, types,
                text(root, "default_category"));
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", version);
        root.put("currency", currency);
        root.put("default_fare_fen", defaultFareFen);
        root.put("route_fares_fen", new LinkedHashMap<>(routeFaresFen));
        root.put("category_percent", new LinkedHashMap<>(categoryPercent));
        Map<String, Object> types = new LinkedHashMap<>();
        cardTypes.forEach((k, v) -> types.put(String.format("%02X", k), v));
        root.put("card_types", types);
        root.put("default_category", defaultCategory);
        return Json.write(root);
    }

    /** The full (adult) fare of a route, or the default fare for a route the table does not list. */
    public long fullFare(String route) {
        return routeFaresFen.getOrDefault(route, defaultFareFen);
    }

    /** The rider category of a card type; unknown types ride as the default category. */
    public String categoryOf(int cardType) {
        return cardTypes.getOrDefault(cardType, defaultCategory);
    }

    /** What a rider of {@code category} pays on {@code route}, rounded down to the fen. */
    public long fare(String route, String category) {
        return fullFare(route) * categoryPercent.getOrDefault(category, 100) / 100;
    }

    private static void checkFare(String field, long fen) {
        if (fen < 0 || fen > MAX_FARE_FEN) {
            throw new IllegalArgumentException(field + " must be 0.." + MAX_FARE_FEN + " fen, got " + fen);
        }
    }

    private static String text(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (!(v instanceof String)) {
            throw new JsonException(key + " must be a string");
        }
        return (String) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (!(v instanceof Map)) {
            throw new JsonException(key + " must be an object");
        }
        return (Map<String, Object>) v;
    }

    private static long integer(Object v, String field) {
        if (!(v instanceof Long)) {
            throw new JsonException(field + " must be a whole number");
        }
        return (Long) v;
    }
}
