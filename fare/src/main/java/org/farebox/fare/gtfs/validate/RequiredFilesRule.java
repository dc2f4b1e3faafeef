package org.farebox.fare.gtfs.validate;

import java.util.List;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/**
 * The files a fare table cannot be built without (stops, routes, fare_products, fare_leg_rules, each with at
 * least one row), a calendar when timeframes name services, and the files other present files depend on.
 */
public final class RequiredFilesRule implements FeedRule {
    private static final List<String> ALWAYS = List.of("stops.txt", "routes.txt", "fare_products.txt",
            "fare_leg_rules.txt");

    @Override
    public void check(GtfsFeed feed, Problems problems) {
        for (String file : ALWAYS) {
            if (!feed.has(file)) {
                problems.error(file, 0, "is missing; a fare feed needs stops.txt, routes.txt, fare_products.txt "
                        + "and fare_leg_rules.txt");
            }
        }
        if (feed.has("stops.txt") && feed.stops().isEmpty()) {
            problems.error("stops.txt", 0, "has no stops");
        }
        if (feed.has("fare_products.txt") && feed.fareProducts().isEmpty()) {
            problems.error("fare_products.txt", 0, "has no fare products");
        }
        if (feed.has("fare_leg_rules.txt") && feed.fareLegRules().isEmpty()) {
            problems.error("fare_leg_rules.txt", 0, "has no rules, so no leg could be priced");
        }
        needs(feed, problems, "timeframes.txt", "calendar.txt or calendar_dates.txt",
                feed.has("calendar.txt") || feed.has("calendar_dates.txt"));
        needs(feed, problems, "stop_areas.txt", "areas.txt", feed.has("areas.txt"));
        needs(feed, problems, "route_networks.txt", "networks.txt", feed.has("networks.txt"));
        needs(feed, problems, "fare_transfer_rules.txt", "fare_leg_rules.txt", feed.has("fare_leg_rules.txt"));
    }

    private static void needs(GtfsFeed feed, Problems problems, String file, String other, boolean present) {
        if (feed.has(file) && !present) {
            problems.error(file, 0, "is present but " + other + " is missing; " + file + " refers to it");
        }
    }
}
