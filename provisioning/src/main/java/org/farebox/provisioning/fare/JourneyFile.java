package org.farebox.provisioning.fare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.extension.CapState;
import org.farebox.fare.extension.PromoState;
import org.farebox.fare.extension.RiderState;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;

/**
 * A journey to quote, read strictly from JSON (docs/fare-quote.md): the legs in time order and the rider's state
 * before the first leg. Every error names the field ({@code legs[2].departure: ...}).
 */
record JourneyFile(List<Leg> legs, RiderState start) {
    static final int MAX_LEGS = 1000;
    private static final Set<String> TOP = Set.of("rider_category", "fare_media", "start_state", "legs");
    private static final Set<String> LEG = Set.of("network", "route", "from_stop", "to_stop", "departure", "arrival",
            "rider_category", "fare_media");
    private static final Set<String> STATE = Set.of("day", "day_total_fen", "week", "week_total_fen", "last_ride_day",
            "points");

    /** Parses the text; a {@link IllegalArgumentException} says what is wrong and where. */
    static JourneyFile parse(String text) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(text);
        } catch (JsonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        keys(root, TOP, "");
        String rider = string(root, "rider_category", "", "");
        String medium = string(root, "fare_media", "", "");
        Object rawLegs = root.get("legs");
        if (!(rawLegs instanceof List<?> list)) {
            throw new IllegalArgumentException("legs: required, a list of legs");
        }
        if (list.isEmpty() || list.size() > MAX_LEGS) {
            throw new IllegalArgumentException("legs: must hold 1.." + MAX_LEGS + " legs, got " + list.size());
        }
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            legs.add(leg(object(list.get(i), "legs[" + i + "]"), "legs[" + i + "].", rider, medium));
            if (i > 0 && legs.get(i).departure().isBefore(legs.get(i - 1).departure())) {
                throw new IllegalArgumentException("legs[" + i + "].departure: before legs[" + (i - 1)
                        + "]'s; legs must be in time order");
            }
        }
        RiderState start = root.containsKey("start_state")
                ? state(object(root.get("start_state"), "start_state"), "start_state.") : RiderState.EMPTY;
        return new JourneyFile(legs, start);
    }

    private static Leg leg(Map<String, Object> m, String at, String rider, String medium) {
        keys(m, LEG, at);
        String network = string(m, "network", "", at);
        String route = string(m, "route", "", at);
        if (network.isEmpty() && route.isEmpty()) {
            throw new IllegalArgumentException(at + "network: a leg needs a network or a route");
        }
        String from = string(m, "from_stop", null, at);
        String to = string(m, "to_stop", "", at);
        Instant departure = time(m, "departure", at).orElseThrow(() ->
                new IllegalArgumentException(at + "departure: required"));
        Optional<Instant> arrival = time(m, "arrival", at);
        if (arrival.isPresent() && arrival.get().isBefore(departure)) {
            throw new IllegalArgumentException(at + "arrival: before the departure");
        }
        return new Leg(network, route, from, to, departure, arrival, string(m, "rider_category", rider, at),
                string(m, "fare_media", medium, at));
    }

    private static RiderState state(Map<String, Object> m, String at) {
        keys(m, STATE, at);
        LocalDate day = date(m, "day", at);
        LocalDate week = date(m, "week", at);
        long dayTotal = fen(m, "day_total_fen", at);
        long weekTotal = fen(m, "week_total_fen", at);
        if (day == null && dayTotal > 0 || week == null && weekTotal > 0) {
            throw new IllegalArgumentException(at + "a day or week total needs its day or week");
        }
        CapState caps = new CapState(day, dayTotal, week, weekTotal, new TreeMap<>());
        return new RiderState(caps, new PromoState(date(m, "last_ride_day", at), fen(m, "points", at)), List.of());
    }

    private static void keys(Map<String, Object> m, Set<String> known, String at) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(at + k + ": unknown field (known: " + new java.util.TreeSet<>(known)
                        + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String at) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(at + ": must be an object");
        }
        return (Map<String, Object>) o;
    }

    private static String string(Map<String, Object> m, String key, String fallback, String at) {
        Object v = m.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(at + key + ": required");
            }
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank() || s.length() > 255) {
            throw new IllegalArgumentException(at + key + ": must be a non-empty string of at most 255 characters");
        }
        return s;
    }

    private static Optional<Instant> time(Map<String, Object> m, String key, String at) {
        if (m.get(key) == null) {
            return Optional.empty();
        }
        String s = string(m, key, "", at);
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + key + ": must be a time with offset such as "
                    + "2026-03-10T07:30:00+08:00, got \"" + s + "\"");
        }
    }

    private static LocalDate date(Map<String, Object> m, String key, String at) {
        if (m.get(key) == null) {
            return null;
        }
        String s = string(m, key, "", at);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + key + ": must be a date YYYY-MM-DD, got \"" + s + "\"");
        }
    }

    private static long fen(Map<String, Object> m, String key, String at) {
        Object v = m.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal || !(v instanceof Long n) || n < 0 || n > 100_000_000L) {
            throw new IllegalArgumentException(at + key + ": must be a whole number 0..100000000");
        }
        return n;
    }
}
