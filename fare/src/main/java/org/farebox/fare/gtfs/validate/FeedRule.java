package org.farebox.fare.gtfs.validate;

import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/** One validation rule over a read feed; it reports every breach it finds by file and row. */
public interface FeedRule {
    void check(GtfsFeed feed, Problems problems);

    /** Reports {@code message} at the record's file and row. */
    static void error(Problems problems, org.farebox.fare.gtfs.feed.Source src, String message) {
        problems.error(src.file(), src.row(), message);
    }
}
