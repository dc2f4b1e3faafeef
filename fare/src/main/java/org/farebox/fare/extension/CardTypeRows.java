package org.farebox.fare.extension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads farebox_card_types.txt: card_type (two hex digits, the 0x17 card type byte) → rider_category_id. */
final class CardTypeRows {
    static final String FILE = "farebox_card_types.txt";
    private static final Set<String> REQUIRED = Set.of("card_type", "rider_category_id");
    private static final Set<String> OPTIONAL = Set.of("card_type_name");

    private CardTypeRows() {
    }

    static CardTypes read(String text, List<Problem> problems) {
        CsvTable table = CsvTable.parse(FILE, text, REQUIRED, OPTIONAL, problems);
        Map<Integer, String> map = new HashMap<>();
        Map<Integer, Integer> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String hex = row.get("card_type").trim();
                if (!hex.matches("[0-9A-Fa-f]{2}")) {
                    throw new IllegalArgumentException("card_type '" + hex + "' is not two hex digits (e.g. 01)");
                }
                int type = Integer.parseInt(hex, 16);
                String category = Fields.id(row, "rider_category_id");
                Integer first = lines.putIfAbsent(type, row.line());
                if (first != null) {
                    throw new IllegalArgumentException("card_type " + hex + " already mapped on line " + first);
                }
                map.put(type, category);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(FILE, row.line(), e.getMessage()));
            }
        }
        return new CardTypes(map);
    }
}
