package org.farebox.fare.gtfs.feed;

/** Where a record came from: the file name and the row (line) number, header = row 1. */
public record Source(String file, int row) {
    @Override
    public String toString() {
        return file + " row " + row;
    }
}
