package org.farebox.fare.gtfs.csv;

import java.util.List;
import java.util.Map;

/** One data row of a GTFS file: its fields by column name, with the file name and row (line) number. */
public final class CsvRow {
    private final String file;
    private final int row;
    private final Map<String, Integer> columns;
    private final List<String> fields;

    CsvRow(String file, int row, Map<String, Integer> columns, List<String> fields) {
        this.file = file;
        this.row = row;
        this.columns = columns;
        this.fields = fields;
    }

    public String file() {
        return file;
    }

    public int row() {
        return row;
    }

    /** The trimmed value of a column, or "" when the column or the value is absent. */
    public String get(String column) {
        Integer i = columns.get(column);
        if (i == null || i >= fields.size()) {
            return "";
        }
        return fields.get(i).strip();
    }

    public boolean has(String column) {
        return !get(column).isEmpty();
    }
}
