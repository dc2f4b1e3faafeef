package org.farebox.fare.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads farebox_caps.txt and checks that the caps of one period never compete for the same rider. */
final class CapRows {
    static final String FILE = "farebox_caps.txt";
    private static final Set<String> REQUIRED = Set.of("cap_id", "cap_period", "amount");
    private static final Set<String> OPTIONAL = Set.of("cap_name", "rider_category_id", "network_id", "fare_media_id");

    private CapRows() {
    }

    static List<Cap> read(String text, List<Problem> problems) {
        CsvTable table = CsvTable.parse(FILE, text, REQUIRED, OPTIONAL, problems);
        List<Cap> caps = new ArrayList<>();
        Map<Cap, Integer> lines = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = Fields.id(row, "cap_id");
                Integer first = ids.putIfAbsent(id, row.line());
                if (first != null) {
                    throw new IllegalArgumentException("cap_id '" + id + "' already used on line " + first);
                }
                Cap cap = new Cap(id, CapPeriod.fromFile(row.get("cap_period")), Money.parseYuan(row.get("amount")),
                        new Scope(row.get("rider_category_id"), row.get("network_id"), null, row.get("fare_media_id")));
                caps.add(cap);
                lines.put(cap, row.line());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(FILE, row.line(), e.getMessage()));
            }
        }
        checkNoCompetingCaps(caps, lines, problems);
        return caps;
    }

    /**
     * The card keeps one total per period, so two caps of a period that can both concern one rider (their rider
     * category and fare media scopes overlap) must be nested, the narrower one winning, and count the same network.
     */
    private static void checkNoCompetingCaps(List<Cap> caps, Map<Cap, Integer> lines, List<Problem> problems) {
        for (int i = 0; i < caps.size(); i++) {
            for (int j = i + 1; j < caps.size(); j++) {
                Cap a = caps.get(i);
                Cap b = caps.get(j);
                if (a.period() != b.period() || !overlap(a.scope(), b.scope())) {
                    continue;
                }
                String both = "caps '" + a.capId() + "' (line " + lines.get(a) + ") and '" + b.capId() + "' ("
                        + a.period().fileValue() + ")";
                if (!Objects.equals(a.scope().networkId(), b.scope().networkId())) {
                    problems.add(new Problem(FILE, lines.get(b), both
                            + " concern the same riders but different networks: a period has one total per rider"));
                } else if (sameRiders(a.scope(), b.scope())) {
                    problems.add(new Problem(FILE, lines.get(b), both + " cover exactly the same riders"));
                } else if (!nested(a.scope(), b.scope()) && !nested(b.scope(), a.scope())) {
                    problems.add(new Problem(FILE, lines.get(b), both
                            + " overlap without one being narrower than the other: a rider would match both"));
                }
            }
        }
    }

    private static boolean overlap(Scope a, Scope b) {
        return fieldOverlaps(a.riderCategoryId(), b.riderCategoryId()) && fieldOverlaps(a.fareMediaId(), b.fareMediaId());
    }

    private static boolean fieldOverlaps(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static boolean sameRiders(Scope a, Scope b) {
        return Objects.equals(a.riderCategoryId(), b.riderCategoryId())
                && Objects.equals(a.fareMediaId(), b.fareMediaId());
    }

    /** Whether {@code wide}'s rider scope contains {@code narrow}'s. */
    private static boolean nested(Scope wide, Scope narrow) {
        return (wide.riderCategoryId() == null || wide.riderCategoryId().equals(narrow.riderCategoryId()))
                && (wide.fareMediaId() == null || wide.fareMediaId().equals(narrow.fareMediaId()));
    }
}
