package org.farebox.fare.gtfs.feed;

import java.util.List;
import java.util.Set;

/**
 * Everything the importer read from one feed folder, before validation. {@code files} names the files that
 * were present; {@code legRulePriorityColumn} says whether fare_leg_rules.txt has the rule_priority column
 * (which switches the meaning of empty fields), {@code routeNetworkColumn} whether routes.txt has network_id.
 */
public record GtfsFeed(Set<String> files, boolean legRulePriorityColumn, boolean routeNetworkColumn,
        List<Stop> stops, List<Route> routes, List<ServiceCalendar> calendars, List<CalendarDate> calendarDates,
        List<Area> areas, List<StopArea> stopAreas, List<Network> networks, List<RouteNetwork> routeNetworks,
        List<FareMedia> fareMedia, List<RiderCategory> riderCategories, List<FareProduct> fareProducts,
        List<FareLegRule> fareLegRules, List<FareLegJoinRule> fareLegJoinRules,
        List<FareTransferRule> fareTransferRules, List<Timeframe> timeframes) {
    public GtfsFeed {
        files = Set.copyOf(files);
    }

    public boolean has(String file) {
        return files.contains(file);
    }
}
