package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads farebox_vouchers.txt. */
final class VoucherRows {
    static final String FILE = "farebox_vouchers.txt";
    private static final Set<String> REQUIRED = Set.of("voucher_id", "face_value");
    private static final Set<String> OPTIONAL = Set.of("voucher_name", "validity_days", "valid_from", "valid_until",
            "rider_category_id", "network_id", "route_id", "fare_media_id", "stacks_with_discounts");

    private VoucherRows() {
    }

    static List<Voucher> read(String text, List<Problem> problems) {
        CsvTable table = CsvTable.parse(FILE, text, REQUIRED, OPTIONAL, problems);
        List<Voucher> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = Fields.id(row, "voucher_id");
                Integer first = ids.putIfAbsent(id, row.line());
                if (first != null) {
                    throw new IllegalArgumentException("voucher_id '" + id + "' already used on line " + first);
                }
                long face = Money.parseYuan(row.get("face_value"));
                if (face == 0) {
                    throw new IllegalArgumentException("face_value must be above 0");
                }
                LocalDate from = Fields.optionalDate(row, "valid_from");
                LocalDate until = Fields.optionalDate(row, "valid_until");
                if (from != null && until != null && until.isBefore(from)) {
                    throw new IllegalArgumentException("valid_until " + until + " is before valid_from " + from);
                }
                out.add(new Voucher(id, face, (int) Fields.integer(row, "validity_days", 0, 36_600), from, until,
                        new Scope(row.get("rider_category_id"), row.get("network_id"), row.get("route_id"),
                                row.get("fare_media_id")),
                        Fields.flag(row, "stacks_with_discounts", false)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(FILE, row.line(), e.getMessage()));
            }
        }
        return out;
    }
}
