package org.farebox.fare.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lookups a quote needs, built once per {@link FareTable}: leg rules by (network, from area), the
 * values each rule column lists (for GTFS exclusion semantics), resolved stop areas, product rows,
 * transfer rules by from-group, join rules by network pair, timeframes by group, calendars by id.
 */
public final class FareTableIndex {
    private final Map<String, String> networkOfRoute = new HashMap<>();
    private final Map<String, Stop> stops = new HashMap<>();
    private final Map<String, Set<String>> resolvedAreas = new HashMap<>();
    private final Map<String, List<FareProduct>> productRows = new HashMap<>();
    private final Map<String, List<FareLegRule>> legRulesByNetworkAndFromArea = new HashMap<>();
    private final Set<String> listedNetworks = new HashSet<>();
    private final Set<String> listedFromAreas = new HashSet<>();
    private final Set<String> listedToAreas = new HashSet<>();
    private final Set<String> listedFromTimeframes = new HashSet<>();
    private final Set<String> listedToTimeframes = new HashSet<>();
    private final Map<String, List<FareTransferRule>> transferRulesByFrom = new HashMap<>();
    private final Set<String> listedTransferFromGroups = new HashSet<>();
    private final Set<String> listedTransferToGroups = new HashSet<>();
    private final Map<String, List<FareLegJoinRule>> joinRulesByNetworks = new HashMap<>();
    private final Map<String, List<Timeframe>> timeframesByGroup = new HashMap<>();
    private final Map<String, ServiceCalendar> calendars = new HashMap<>();
    private final Set<String> riderCategoryIds = new HashSet<>();
    private final String defaultRiderCategoryId;

    FareTableIndex(FareTable t) {
        t.routes().forEach(r -> networkOfRoute.put(r.id(), r.networkId()));
        t.stops().forEach(s -> stops.put(s.id(), s));
        Map<String, Set<String>> ownAreas = new HashMap<>();
        for (StopArea sa : t.stopAreas()) {
            ownAreas.computeIfAbsent(sa.stopId(), k -> new HashSet<>()).add(sa.areaId());
        }
        ownAreas.forEach((stop, areas) -> resolvedAreas.put(stop, Set.copyOf(areas)));
        for (Stop s : t.stops()) {
            // A station's areas cover its platforms unless the platform has areas of its own.
            if (s.hasParent() && !ownAreas.containsKey(s.id()) && ownAreas.containsKey(s.parentStationId())) {
                resolvedAreas.put(s.id(), Set.copyOf(ownAreas.get(s.parentStationId())));
            }
        }
        t.fareProducts().forEach(p -> FareTable.addTo(productRows, p.id(), p));
        for (FareLegRule r : t.legRules()) {
            FareTable.addTo(legRulesByNetworkAndFromArea, key(r.networkId(), r.fromAreaId()), r);
            listedNetworks.add(r.networkId());
            listedFromAreas.add(r.fromAreaId());
            listedToAreas.add(r.toAreaId());
            listedFromTimeframes.add(r.fromTimeframeGroupId());
            listedToTimeframes.add(r.toTimeframeGroupId());
        }
        for (FareTransferRule r : t.transferRules()) {
            FareTable.addTo(transferRulesByFrom, r.fromLegGroupId(), r);
            listedTransferFromGroups.add(r.fromLegGroupId());
            listedTransferToGroups.add(r.toLegGroupId());
        }
        t.joinRules().forEach(j -> FareTable.addTo(joinRulesByNetworks, key(j.fromNetworkId(), j.toNetworkId()), j));
        t.timeframes().forEach(tf -> FareTable.addTo(timeframesByGroup, tf.groupId(), tf));
        t.calendars().forEach(c -> calendars.put(c.serviceId(), c));
        String defaultId = null;
        for (RiderCategory c : t.riderCategories()) {
            riderCategoryIds.add(c.id());
            if (c.isDefault()) {
                if (defaultId != null) {
                    throw new IllegalArgumentException("two default rider categories: " + defaultId + " and " + c.id());
                }
                defaultId = c.id();
            }
        }
        this.defaultRiderCategoryId = defaultId == null ? "" : defaultId;
    }

    static String key(String a, String b) {
        return a + '\u0000' + b;
    }

    public Optional<String> networkOfRoute(String routeId) {
        return Optional.ofNullable(networkOfRoute.get(routeId));
    }

    public Optional<Stop> stop(String stopId) {
        return Optional.ofNullable(stops.get(stopId));
    }

    /** The station a stop belongs to: its parent, or the stop itself. */
    public String stationOf(String stopId) {
        Stop s = stops.get(stopId);
        return s != null && s.hasParent() ? s.parentStationId() : stopId;
    }

    /** The areas of a stop: its own stop_areas rows, or else its parent station's. */
    public Set<String> areasOf(String stopId) {
        return resolvedAreas.getOrDefault(stopId, Set.of());
    }

    public List<FareProduct> productRows(String fareProductId) {
        return productRows.getOrDefault(fareProductId, List.of());
    }

    /** Leg rules with exactly this network id and from-area id ("" for empty fields). */
    public List<FareLegRule> legRules(String networkId, String fromAreaId) {
        return legRulesByNetworkAndFromArea.getOrDefault(key(networkId, fromAreaId), List.of());
    }

    public boolean networkListed(String networkId) {
        return !networkId.isEmpty() && listedNetworks.contains(networkId);
    }

    public boolean fromAreaListed(String areaId) {
        return !areaId.isEmpty() && listedFromAreas.contains(areaId);
    }

    public boolean toAreaListed(String areaId) {
        return !areaId.isEmpty() && listedToAreas.contains(areaId);
    }

    public boolean fromTimeframeListed(String groupId) {
        return !groupId.isEmpty() && listedFromTimeframes.contains(groupId);
    }

    public boolean toTimeframeListed(String groupId) {
        return !groupId.isEmpty() && listedToTimeframes.contains(groupId);
    }

    /** The timeframe groups named in either timeframe column of the leg rules. */
    public Set<String> timeframeGroupsInRules() {
        Set<String> out = new HashSet<>(listedFromTimeframes);
        out.addAll(listedToTimeframes);
        out.remove("");
        return out;
    }

    /** Transfer rules whose from-group is exactly this id ("" for the empty from-group). */
    public List<FareTransferRule> transferRulesFrom(String fromLegGroupId) {
        return transferRulesByFrom.getOrDefault(fromLegGroupId, List.of());
    }

    public boolean transferFromGroupListed(String groupId) {
        return !groupId.isEmpty() && listedTransferFromGroups.contains(groupId);
    }

    public boolean transferToGroupListed(String groupId) {
        return !groupId.isEmpty() && listedTransferToGroups.contains(groupId);
    }

    public List<FareLegJoinRule> joinRules(String fromNetworkId, String toNetworkId) {
        return joinRulesByNetworks.getOrDefault(key(fromNetworkId, toNetworkId), List.of());
    }

    public boolean hasJoinRules() {
        return !joinRulesByNetworks.isEmpty();
    }

    public List<Timeframe> timeframes(String groupId) {
        return timeframesByGroup.getOrDefault(groupId, List.of());
    }

    public Optional<ServiceCalendar> calendar(String serviceId) {
        return Optional.ofNullable(calendars.get(serviceId));
    }

    public boolean isRiderCategory(String id) {
        return riderCategoryIds.contains(id);
    }

    /** The default rider category's id, or "" when the table has none. */
    public String defaultRiderCategoryId() {
        return defaultRiderCategoryId;
    }

    /** Every timeframe group id known to the table. */
    public List<String> timeframeGroups() {
        return new ArrayList<>(timeframesByGroup.keySet());
    }
}
