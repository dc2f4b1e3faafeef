package org.farebox.fare.gtfs.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.csv.CsvFileReader;
import org.farebox.fare.gtfs.csv.CsvRow;
import org.farebox.fare.gtfs.csv.CsvTable;
import org.farebox.fare.gtfs.csv.FeedLimits;
import org.farebox.fare.gtfs.csv.FileSchema;

/** Reads a GTFS feed folder into records; every unreadable file, row or field is reported, nothing thrown. */
public final class FeedReader {
    private final FeedLimits limits;

    public FeedReader(FeedLimits limits) {
        this.limits = limits;
    }

    public FeedReader() {
        this(FeedLimits.DEFAULT);
    }

    /** Reads what is there; missing files are left to validation (which knows which ones are required). */
    public GtfsFeed read(Path folder, Problems problems) {
        if (!Files.isDirectory(folder)) {
            problems.error(folder.toString(), 0, "is not a folder; give the folder that holds the GTFS .txt files");
            return empty();
        }
        CsvFileReader csv = new CsvFileReader(folder, limits, problems);
        Fields f = new Fields(problems);
        Set<String> present = new HashSet<>();
        boolean[] priorityColumn = {false};
        boolean[] routeNetworkColumn = {false};

        List<Stop> stops = rows(csv, FeedFiles.STOPS, present, r -> new Stop(src(r), f.required(r, "stop_id"),
                r.get("stop_name"), f.decimal(r, "stop_lat", -90, 90), f.decimal(r, "stop_lon", -180, 180),
                f.code(r, "location_type", 0, 4, 0), r.get("parent_station")), null);
        List<Route> routes = rows(csv, FeedFiles.ROUTES, present, r -> new Route(src(r), f.required(r, "route_id"),
                r.get("route_short_name"), r.get("route_long_name"), f.code(r, "route_type", 0, 1999, -1),
                r.get("network_id")), t -> routeNetworkColumn[0] = t.hasColumn("network_id"));
        List<ServiceCalendar> calendars = rows(csv, FeedFiles.CALENDAR, present, r -> new ServiceCalendar(src(r),
                f.required(r, "service_id"), days(f, r), f.date(r, "start_date"), f.date(r, "end_date")), null);
        List<CalendarDate> calendarDates = rows(csv, FeedFiles.CALENDAR_DATES, present, r -> new CalendarDate(
                src(r), f.required(r, "service_id"), f.date(r, "date"), f.code(r, "exception_type", 1, 2, -1)),
                null);
        List<Area> areas = rows(csv, FeedFiles.AREAS, present,
                r -> new Area(src(r), f.required(r, "area_id"), r.get("area_name")), null);
        List<StopArea> stopAreas = rows(csv, FeedFiles.STOP_AREAS, present,
                r -> new StopArea(src(r), f.required(r, "area_id"), f.required(r, "stop_id")), null);
        List<Network> networks = rows(csv, FeedFiles.NETWORKS, present,
                r -> new Network(src(r), f.required(r, "network_id"), r.get("network_name")), null);
        List<RouteNetwork> routeNetworks = rows(csv, FeedFiles.ROUTE_NETWORKS, present,
                r -> new RouteNetwork(src(r), f.required(r, "network_id"), f.required(r, "route_id")), null);
        List<FareMedia> media = rows(csv, FeedFiles.FARE_MEDIA, present, r -> new FareMedia(src(r),
                f.required(r, "fare_media_id"), r.get("fare_media_name"), f.code(r, "fare_media_type", 0, 4, -1)),
                null);
        List<RiderCategory> categories = rows(csv, FeedFiles.RIDER_CATEGORIES, present, r -> new RiderCategory(
                src(r), f.required(r, "rider_category_id"), f.required(r, "rider_category_name"),
                f.code(r, "is_default_fare_category", 0, 1, 0) == 1, r.get("eligibility_url")), null);
        List<FareProduct> products = rows(csv, FeedFiles.FARE_PRODUCTS, present, r -> new FareProduct(src(r),
                f.required(r, "fare_product_id"), r.get("fare_product_name"), r.get("rider_category_id"),
                r.get("fare_media_id"), f.required(r, "amount"), f.required(r, "currency")), null);
        List<FareLegRule> legRules = rows(csv, FeedFiles.FARE_LEG_RULES, present, r -> new FareLegRule(src(r),
                r.get("leg_group_id"), r.get("network_id"), r.get("from_area_id"), r.get("to_area_id"),
                r.get("from_timeframe_group_id"), r.get("to_timeframe_group_id"), f.required(r, "fare_product_id"),
                f.code(r, "rule_priority", 0, Integer.MAX_VALUE, 0)),
                t -> priorityColumn[0] = t.hasColumn("rule_priority"));
        List<FareLegJoinRule> joinRules = rows(csv, FeedFiles.FARE_LEG_JOIN_RULES, present, r -> new FareLegJoinRule(
                src(r), f.required(r, "from_network_id"), f.required(r, "to_network_id"), r.get("from_stop_id"),
                r.get("to_stop_id")), null);
        List<FareTransferRule> transferRules = rows(csv, FeedFiles.FARE_TRANSFER_RULES, present,
                r -> new FareTransferRule(src(r), r.get("from_leg_group_id"), r.get("to_leg_group_id"),
                        f.integer(r, "transfer_count", -1, Integer.MAX_VALUE, false),
                        f.integer(r, "duration_limit", 1, Integer.MAX_VALUE, false),
                        f.integer(r, "duration_limit_type", 0, 3, false),
                        f.code(r, "fare_transfer_type", 0, 2, -1), r.get("fare_product_id")), null);
        List<Timeframe> timeframes = rows(csv, FeedFiles.TIMEFRAMES, present, r -> new Timeframe(src(r),
                f.required(r, "timeframe_group_id"), f.time(r, "start_time"), f.time(r, "end_time"),
                f.required(r, "service_id")), null);
        return new GtfsFeed(present, priorityColumn[0], routeNetworkColumn[0], stops, routes, calendars,
                calendarDates, areas, stopAreas, networks, routeNetworks, media, categories, products, legRules,
                joinRules, transferRules, timeframes);
    }

    private static <T> List<T> rows(CsvFileReader csv, FileSchema schema, Set<String> present,
            Function<CsvRow, T> map, java.util.function.Consumer<CsvTable> header) {
        if (Files.exists(csv.folder().resolve(schema.fileName()))) {
            present.add(schema.fileName());
        }
        Optional<CsvTable> table = csv.read(schema);
        if (table.isEmpty()) {
            return List.of();
        }
        if (header != null) {
            header.accept(table.get());
        }
        List<T> out = new ArrayList<>(table.get().rows().size());
        for (CsvRow row : table.get().rows()) {
            out.add(map.apply(row));
        }
        return out;
    }

    private static int days(Fields f, CsvRow r) {
        String[] names = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        int mask = 0;
        for (int i = 0; i < names.length; i++) {
            Integer v = f.integer(r, names[i], 0, 1, true);
            if (v != null && v == 1) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    private static Source src(CsvRow r) {
        return new Source(r.file(), r.row());
    }

    private static GtfsFeed empty() {
        return new GtfsFeed(Set.of(), false, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
