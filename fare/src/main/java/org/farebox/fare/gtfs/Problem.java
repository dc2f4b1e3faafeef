package org.farebox.fare.gtfs;

/** One finding about a feed, named by file and row (row 0: the file as a whole; row 1: the header). */
public record Problem(Severity severity, String file, int row, String message) {
    /** An error refuses the feed; a note is printed and the feed is still compiled. */
    public enum Severity { ERROR, NOTE }

    @Override
    public String toString() {
        String where = row > 0 ? file + " row " + row : file;
        return (severity == Severity.NOTE ? "note: " : "") + where + ": " + message;
    }
}
