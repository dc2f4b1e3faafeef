package org.farebox.fare.gtfs.csv;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The columns of one GTFS file that the importer reads: those it requires and those it also understands. */
public record FileSchema(String fileName, List<String> required, List<String> optional) {
    public FileSchema {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }

    public static FileSchema of(String fileName, List<String> required, List<String> optional) {
        return new FileSchema(fileName, required, optional);
    }

    public Set<String> known() {
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        return all;
    }
}
