package org.farebox.fare.gtfs.distance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.csv.CsvFileReader;
import org.farebox.fare.gtfs.csv.CsvRow;
import org.farebox.fare.gtfs.csv.CsvTable;
import org.farebox.fare.gtfs.csv.FeedLimits;
import org.farebox.fare.gtfs.csv.FileSchema;
import org.farebox.fare.gtfs.feed.Source;

/** Reads farebox_distances.txt and farebox_distance_fares.txt with the same CSV rules as the GTFS files. */
public final class DistanceFeedReader {
    static final FileSchema DISTANCES = FileSchema.of(DistanceFeed.DISTANCES,
            List.of("network_id", "from_stop_id", "to_stop_id", "distance_m"), List.of());
    static final FileSchema DISTANCE_FARES = FileSchema.of(DistanceFeed.DISTANCE_FARES,
            List.of("fare_product_id", "network_id", "amount"), List.of("rider_category_id", "up_to_m"));
    static final int MAX_METRES = 10_000_000;

    private final FeedLimits limits;

    public DistanceFeedReader(FeedLimits limits) {
        this.limits = limits;
    }

    public DistanceFeed read(Path folder, Problems problems) {
        CsvFileReader csv = new CsvFileReader(folder, limits, problems);
        List<TrackSegment> segments = new ArrayList<>();
        for (CsvRow r : csv.read(DISTANCES).map(CsvTable::rows).orElse(List.of())) {
            segments.add(new TrackSegment(src(r), required(r, "network_id", problems),
                    required(r, "from_stop_id", problems), required(r, "to_stop_id", problems),
                    metres(r, "distance_m", true, problems)));
        }
        List<DistanceBandRow> bands = new ArrayList<>();
        for (CsvRow r : csv.read(DISTANCE_FARES).map(CsvTable::rows).orElse(List.of())) {
            bands.add(new DistanceBandRow(src(r), required(r, "fare_product_id", problems),
                    r.get("rider_category_id"), required(r, "network_id", problems),
                    metres(r, "up_to_m", false, problems), required(r, "amount", problems)));
        }
        return new DistanceFeed(segments, bands);
    }

    private static Integer metres(CsvRow r, String column, boolean required, Problems problems) {
        String v = r.get(column);
        if (v.isEmpty()) {
            if (required) {
                problems.error(r.file(), r.row(), column + " is required and empty");
            }
            return null;
        }
        if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) <= 0 || Integer.parseInt(v) > MAX_METRES) {
            problems.error(r.file(), r.row(), column + " must be whole metres, 1.." + MAX_METRES + ", got \"" + v
                    + "\"");
            return null;
        }
        return Integer.parseInt(v);
    }

    private static String required(CsvRow r, String column, Problems problems) {
        String v = r.get(column);
        if (v.isEmpty()) {
            problems.error(r.file(), r.row(), column + " is required and empty");
        }
        return v;
    }

    private static Source src(CsvRow r) {
        return new Source(r.file(), r.row());
    }
}
