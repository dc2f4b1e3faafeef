package org.farebox.fare.gtfs;

import java.nio.file.Path;
import org.farebox.fare.gtfs.csv.FeedLimits;
import org.farebox.fare.gtfs.feed.FeedReader;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.validate.FeedValidator;

/** Reads and validates a GTFS-Fares v2 feed folder; the result carries every problem found. */
public final class GtfsImport {
    private final FeedReader reader;
    private final FeedValidator validator;

    public GtfsImport(FeedReader reader, FeedValidator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    /** Default limits and the standard rules. */
    public GtfsImport() {
        this(new FeedReader(FeedLimits.DEFAULT), FeedValidator.standard());
    }

    /** The feed and its problems; the feed is usable only when {@code problems().hasErrors()} is false. */
    public record Result(GtfsFeed feed, Problems problems) {
        public boolean ok() {
            return !problems.hasErrors();
        }
    }

    public Result read(Path folder) {
        Problems problems = new Problems();
        GtfsFeed feed = reader.read(folder, problems);
        validator.validate(feed, problems);
        return new Result(feed, problems);
    }
}
