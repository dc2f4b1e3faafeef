package org.farebox.fare.engine;

import java.util.List;
import java.util.Optional;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;

/**
 * Picks the row of a fare product for a rider and medium. The rider's category is the leg's, or the
 * table's default when the leg names none. A row for that exact category beats an any-category row; a row
 * for the leg's medium beats an any-medium row (an unknown medium accepts every row, preferring
 * any-medium ones); among equally specific rows the cheapest wins. No eligible row: the rule does not apply.
 */
final class ProductChooser {
    private ProductChooser() {
    }

    static String category(FareTable table, String legCategory) {
        return legCategory.isEmpty() ? table.index().defaultRiderCategoryId() : legCategory;
    }

    static Optional<FareProduct> choose(FareTable table, String productId, String legCategory, String legMedium) {
        List<FareProduct> rows = table.index().productRows(productId);
        String category = category(table, legCategory);
        FareProduct best = null;
        int bestScore = -1;
        for (FareProduct row : rows) {
            int c = categoryScore(row, category);
            int m = mediumScore(row, legMedium);
            if (c < 0 || m < 0) {
                continue;
            }
            int score = c * 4 + m;
            if (score > bestScore || (score == bestScore && row.amountFen() < best.amountFen())) {
                best = row;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int categoryScore(FareProduct row, String category) {
        if (row.riderCategoryId().isEmpty()) {
            return 1;
        }
        return row.riderCategoryId().equals(category) ? 2 : -1;
    }

    private static int mediumScore(FareProduct row, String medium) {
        if (medium.isEmpty()) {
            return row.fareMediaId().isEmpty() ? 2 : 1;
        }
        if (row.fareMediaId().isEmpty()) {
            return 1;
        }
        return row.fareMediaId().equals(medium) ? 2 : -1;
    }
}
