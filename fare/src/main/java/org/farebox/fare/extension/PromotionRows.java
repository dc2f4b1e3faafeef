package org.farebox.fare.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads farebox_promotions.txt; each promotion type needs its own value columns and refuses the others. */
final class PromotionRows {
    static final String FILE = "farebox_promotions.txt";
    private static final Set<String> REQUIRED = Set.of("promotion_id", "promotion_type");
    private static final Set<String> OPTIONAL = Set.of("promotion_name", "percent", "amount", "points", "start_time",
            "end_time", "weekdays", "dates", "valid_from", "valid_until", "rider_category_id", "network_id",
            "route_id", "fare_media_id", "priority", "stacking");

    private PromotionRows() {
    }

    static List<Promotion> read(String text, List<Problem> problems) {
        CsvTable table = CsvTable.parse(FILE, text, REQUIRED, OPTIONAL, problems);
        List<Promotion> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = Fields.id(row, "promotion_id");
                Integer first = ids.putIfAbsent(id, row.line());
                if (first != null) {
                    throw new IllegalArgumentException("promotion_id '" + id + "' already used on line " + first);
                }
                out.add(promotion(id, row));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(FILE, row.line(), e.getMessage()));
            }
        }
        return out;
    }

    private static Promotion promotion(String id, CsvTable.Row row) {
        PromotionType type = PromotionType.fromFile(row.get("promotion_type"));
        boolean needsPercent = type == PromotionType.PERCENT_DISCOUNT;
        boolean needsAmount = type == PromotionType.FIXED_DISCOUNT || type == PromotionType.FIRST_RIDE_CASHBACK
                || type == PromotionType.POINTS_REDEEM;
        boolean needsPoints = type == PromotionType.POINTS_EARN || type == PromotionType.POINTS_REDEEM;
        presence(row, "percent", needsPercent, type);
        presence(row, "amount", needsAmount, type);
        presence(row, "points", needsPoints, type);
        int percent = needsPercent ? Fields.percentBasisPoints(row.get("percent")) : 0;
        long amount = needsAmount ? Money.parseYuan(row.get("amount")) : 0;
        if (needsAmount && amount == 0) {
            throw new IllegalArgumentException("amount must be above 0 for " + type.fileValue());
        }
        long points = needsPoints ? Fields.integer(row, "points", 0, 1_000_000) : 0;
        if (needsPoints && points == 0) {
            throw new IllegalArgumentException("points must be above 0 for " + type.fileValue());
        }
        boolean stacks = switch (row.get("stacking")) {
            case "", "exclusive" -> false;
            case "stack" -> true;
            default -> throw new IllegalArgumentException("stacking '" + row.get("stacking")
                    + "' is not stack or exclusive");
        };
        int priority = (int) Fields.integer(row, "priority", 0, 1_000_000);
        Scope scope = new Scope(row.get("rider_category_id"), row.get("network_id"), row.get("route_id"),
                row.get("fare_media_id"));
        return new Promotion(id, type, percent, amount, points, scope, when(row), priority, stacks);
    }

    private static PromotionWhen when(CsvTable.Row row) {
        String start = row.get("start_time");
        String end = row.get("end_time");
        if (start.isEmpty() != end.isEmpty()) {
            throw new IllegalArgumentException("start_time and end_time go together: give both or neither");
        }
        int from = start.isEmpty() ? 0 : Fields.timeOfDay("start_time", start, false);
        int to = end.isEmpty() ? 86_400 : Fields.timeOfDay("end_time", end, true);
        if (from >= to) {
            throw new IllegalArgumentException("start_time " + start + " is not before end_time " + end
                    + " (a window across midnight is two promotions: ...-24:00:00 and 00:00:00-...)");
        }
        return new PromotionWhen(from, to, Fields.weekdays(row, "weekdays"), Fields.dates(row, "dates"),
                Fields.optionalDate(row, "valid_from"), Fields.optionalDate(row, "valid_until"));
    }

    private static void presence(CsvTable.Row row, String column, boolean needed, PromotionType type) {
        boolean given = !row.get(column).isEmpty();
        if (needed && !given) {
            throw new IllegalArgumentException(column + " is required for " + type.fileValue());
        }
        if (!needed && given) {
            throw new IllegalArgumentException(column + " has no meaning for " + type.fileValue() + "; leave it empty");
        }
    }
}
