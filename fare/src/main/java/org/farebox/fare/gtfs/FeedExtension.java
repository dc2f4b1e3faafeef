package org.farebox.fare.gtfs;

import java.nio.file.Path;
import java.util.List;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.model.FareTable;

/**
 * A Farebox extension read from the same feed folder (e.g. caps, promotions, vouchers, card types:
 * {@link FareExtensionsFeed}). The compiler runs every extension after the GTFS files are read, so an extension's
 * problems refuse the feed together with the others; when nothing is refused, each extension adds what it read
 * to the table.
 */
public interface FeedExtension {
    /** What an extension adds to the table being built. */
    @FunctionalInterface
    interface Contribution {
        /** Adds nothing. */
        Contribution NONE = table -> { };

        void addTo(FareTable.Builder table);
    }

    /** The extension's file names, for the summary and the "unknown file" check. */
    List<String> fileNames();

    /**
     * Reads and checks the extension files in {@code folder} against the feed, reporting into {@code problems};
     * returns what to add to the table (used only when no problem is an error).
     */
    Contribution check(Path folder, GtfsFeed feed, Problems problems);
}
