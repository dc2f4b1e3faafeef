package org.farebox.fare.gtfs.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Source;

/** Primary keys as GTFS defines them are unique in every file; a repeat names the row of the first. */
public final class DuplicateKeyRule implements FeedRule {
    @Override
    public void check(GtfsFeed f, Problems p) {
        unique(p, f.stops(), s -> s.src(), s -> List.of(s.stopId()), "stop_id");
        unique(p, f.routes(), r -> r.src(), r -> List.of(r.routeId()), "route_id");
        unique(p, f.calendars(), c -> c.src(), c -> List.of(c.serviceId()), "service_id");
        unique(p, f.calendarDates(), c -> c.src(), c -> List.of(c.serviceId(), String.valueOf(c.date())),
                "(service_id, date)");
        unique(p, f.areas(), a -> a.src(), a -> List.of(a.areaId()), "area_id");
        unique(p, f.stopAreas(), a -> a.src(), a -> List.of(a.areaId(), a.stopId()), "(area_id, stop_id)");
        unique(p, f.networks(), n -> n.src(), n -> List.of(n.networkId()), "network_id");
        unique(p, f.routeNetworks(), n -> n.src(), n -> List.of(n.routeId()),
                "route_id (a route is in one network only)");
        unique(p, f.fareMedia(), m -> m.src(), m -> List.of(m.fareMediaId()), "fare_media_id");
        unique(p, f.riderCategories(), c -> c.src(), c -> List.of(c.riderCategoryId()), "rider_category_id");
        unique(p, f.fareProducts(), x -> x.src(),
                x -> List.of(x.fareProductId(), x.riderCategoryId(), x.fareMediaId()),
                "(fare_product_id, rider_category_id, fare_media_id)");
        unique(p, f.fareLegRules(), r -> r.src(), r -> List.of(r.networkId(), r.fromAreaId(), r.toAreaId(),
                r.fromTimeframeGroupId(), r.toTimeframeGroupId(), r.fareProductId()),
                "(network_id, from_area_id, to_area_id, from_timeframe_group_id, to_timeframe_group_id, "
                        + "fare_product_id)");
        unique(p, f.fareLegJoinRules(), r -> r.src(), r -> List.of(r.fromNetworkId(), r.toNetworkId(),
                r.fromStopId(), r.toStopId()), "(from_network_id, to_network_id, from_stop_id, to_stop_id)");
        unique(p, f.fareTransferRules(), r -> r.src(), r -> List.of(r.fromLegGroupId(), r.toLegGroupId(),
                r.fareProductId(), Objects.toString(r.transferCount(), ""), Objects.toString(r.durationLimit(), "")),
                "(from_leg_group_id, to_leg_group_id, fare_product_id, transfer_count, duration_limit)");
        unique(p, f.timeframes(), t -> t.src(), t -> List.of(t.timeframeGroupId(), Objects.toString(t.startSeconds(), ""),
                Objects.toString(t.endSeconds(), ""), t.serviceId()), "timeframe row");
    }

    private static <T> void unique(Problems p, List<T> rows, Function<T, Source> src, Function<T, List<String>> key,
            String what) {
        Map<List<String>, Source> seen = new HashMap<>();
        for (T row : rows) {
            List<String> k = key.apply(row);
            Source first = seen.putIfAbsent(k, src.apply(row));
            if (first != null) {
                FeedRule.error(p, src.apply(row), "duplicate " + what + " " + String.join(", ", k)
                        + "; first defined at row " + first.row());
            }
        }
    }
}
