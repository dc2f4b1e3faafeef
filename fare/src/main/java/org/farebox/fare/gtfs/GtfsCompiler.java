package org.farebox.fare.gtfs;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.farebox.fare.gtfs.csv.FeedLimits;
import org.farebox.fare.gtfs.distance.DistanceFeed;
import org.farebox.fare.gtfs.distance.DistanceFeedReader;
import org.farebox.fare.gtfs.distance.DistanceRules;
import org.farebox.fare.gtfs.feed.FeedReader;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.validate.FeedValidator;
import org.farebox.fare.model.FareTable;

/**
 * GTFS-Fares v2 feed folder → compiled {@link FareTable}: read, validate (GTFS rules, the distance extension,
 * then every {@link FeedExtension}), and build only when no rule reported an error.
 */
public final class GtfsCompiler {
    /** The table's version and the zone its timeframes are read in. */
    public record Options(long version, ZoneId zone) {
        public static Options defaults() {
            return new Options(1, ZoneId.of("Asia/Shanghai"));
        }
    }

    /** The table when the feed was sound (empty otherwise), and everything found on the way. */
    public record Result(Optional<FareTable> table, Problems problems) {
    }

    private final FeedLimits limits;
    private final FeedValidator validator;
    private final List<FeedExtension> extensions;

    public GtfsCompiler(FeedLimits limits, FeedValidator validator, List<FeedExtension> extensions) {
        this.limits = limits;
        this.validator = validator;
        this.extensions = List.copyOf(extensions);
    }

    /** Default limits, the standard rules, the Farebox extension files ({@link FareExtensionsFeed}). */
    public GtfsCompiler() {
        this(FeedLimits.DEFAULT, FeedValidator.standard(), List.of(new FareExtensionsFeed()));
    }

    public Result compile(Path folder, Options options) {
        Problems problems = new Problems();
        GtfsFeed feed = new FeedReader(limits).read(folder, problems);
        validator.validate(feed, problems);
        DistanceFeed distances = DistanceFeed.empty();
        List<FeedExtension.Contribution> contributions = new ArrayList<>();
        if (!feed.files().isEmpty()) {
            distances = new DistanceFeedReader(limits).read(folder, problems);
            new DistanceRules().check(feed, distances, problems);
            for (FeedExtension extension : extensions) {
                contributions.add(extension.check(folder, feed, problems));
            }
        }
        if (problems.hasErrors()) {
            return new Result(Optional.empty(), problems);
        }
        try {
            return new Result(Optional.of(new TableBuilder(feed, distances, options).build(contributions)), problems);
        } catch (IllegalArgumentException e) {
            // The model refused a value that no rule caught: a gap in the rules, reported rather than thrown.
            problems.error("(compile)", 0, "the fare table could not be built: " + e.getMessage());
            return new Result(Optional.empty(), problems);
        }
    }
}
