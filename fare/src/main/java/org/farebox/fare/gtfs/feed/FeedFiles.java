package org.farebox.fare.gtfs.feed;

import java.util.List;
import org.farebox.fare.gtfs.csv.FileSchema;

/** The GTFS files the importer reads and their columns (GTFS Schedule reference, Fares v2). */
public final class FeedFiles {
    public static final FileSchema STOPS = FileSchema.of("stops.txt", List.of("stop_id"),
            List.of("stop_code", "stop_name", "tts_stop_name", "stop_desc", "stop_lat", "stop_lon", "zone_id",
                    "stop_url", "location_type", "parent_station", "stop_timezone", "wheelchair_boarding",
                    "level_id", "platform_code", "stop_access"));
    public static final FileSchema ROUTES = FileSchema.of("routes.txt", List.of("route_id", "route_type"),
            List.of("agency_id", "route_short_name", "route_long_name", "route_desc", "route_url", "route_color",
                    "route_text_color", "route_sort_order", "continuous_pickup", "continuous_drop_off",
                    "network_id", "cemv_support"));
    public static final FileSchema CALENDAR = FileSchema.of("calendar.txt", List.of("service_id", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"), List.of());
    public static final FileSchema CALENDAR_DATES = FileSchema.of("calendar_dates.txt",
            List.of("service_id", "date", "exception_type"), List.of());
    public static final FileSchema AREAS = FileSchema.of("areas.txt", List.of("area_id"), List.of("area_name"));
    public static final FileSchema STOP_AREAS = FileSchema.of("stop_areas.txt", List.of("area_id", "stop_id"),
            List.of());
    public static final FileSchema NETWORKS = FileSchema.of("networks.txt", List.of("network_id"),
            List.of("network_name"));
    public static final FileSchema ROUTE_NETWORKS = FileSchema.of("route_networks.txt",
            List.of("network_id", "route_id"), List.of());
    public static final FileSchema FARE_MEDIA = FileSchema.of("fare_media.txt",
            List.of("fare_media_id", "fare_media_type"), List.of("fare_media_name"));
    public static final FileSchema RIDER_CATEGORIES = FileSchema.of("rider_categories.txt",
            List.of("rider_category_id", "rider_category_name"),
            List.of("is_default_fare_category", "eligibility_url"));
    public static final FileSchema FARE_PRODUCTS = FileSchema.of("fare_products.txt",
            List.of("fare_product_id", "amount", "currency"),
            List.of("fare_product_name", "rider_category_id", "fare_media_id"));
    public static final FileSchema FARE_LEG_RULES = FileSchema.of("fare_leg_rules.txt", List.of("fare_product_id"),
            List.of("leg_group_id", "network_id", "from_area_id", "to_area_id", "from_timeframe_group_id",
                    "to_timeframe_group_id", "rule_priority"));
    public static final FileSchema FARE_LEG_JOIN_RULES = FileSchema.of("fare_leg_join_rules.txt",
            List.of("from_network_id", "to_network_id"), List.of("from_stop_id", "to_stop_id"));
    public static final FileSchema FARE_TRANSFER_RULES = FileSchema.of("fare_transfer_rules.txt",
            List.of("fare_transfer_type"), List.of("from_leg_group_id", "to_leg_group_id", "transfer_count",
                    "duration_limit", "duration_limit_type", "fare_product_id"));
    public static final FileSchema TIMEFRAMES = FileSchema.of("timeframes.txt",
            List.of("timeframe_group_id", "service_id"), List.of("start_time", "end_time"));

    private FeedFiles() {
    }
}
