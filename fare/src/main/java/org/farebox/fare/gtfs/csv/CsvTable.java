package org.farebox.fare.gtfs.csv;

import java.util.List;
import java.util.Set;

/** A GTFS file that was present and readable: its header columns and data rows. */
public record CsvTable(String file, Set<String> columns, List<CsvRow> rows) {
    public CsvTable {
        columns = Set.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean hasColumn(String name) {
        return columns.contains(name);
    }
}
