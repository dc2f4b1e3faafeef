package org.farebox.fare.gtfs;

import java.nio.file.Path;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/**
 * A Farebox extension read from the same feed folder (caps, promotions, vouchers: org.farebox.fare.extension).
 * The compiler runs every extension after the GTFS files are read, so an extension's problems refuse the feed
 * together with the others. Hook for the extension parser; the fare table does not carry extensions yet.
 */
public interface FeedExtension {
    /** The extension's file names, for the summary and the "unknown file" check. */
    java.util.List<String> fileNames();

    /** Reads and checks the extension files in {@code folder} against the feed, reporting into {@code problems}. */
    void check(Path folder, GtfsFeed feed, Problems problems);
}
