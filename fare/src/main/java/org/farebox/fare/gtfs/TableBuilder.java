package org.farebox.fare.gtfs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.farebox.fare.gtfs.distance.DistanceCompiler;
import org.farebox.fare.gtfs.distance.DistanceFeed;
import org.farebox.fare.gtfs.feed.CalendarDate;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Money;
import org.farebox.fare.gtfs.feed.RouteNetwork;
import org.farebox.fare.gtfs.feed.ServiceCalendar;
import org.farebox.fare.model.Area;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegJoinRule;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareMedium;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.farebox.fare.model.Network;
import org.farebox.fare.model.RiderCategory;
import org.farebox.fare.model.Route;
import org.farebox.fare.model.Stop;
import org.farebox.fare.model.StopArea;
import org.farebox.fare.model.Timeframe;

/** Maps a validated feed onto the model, one GTFS file at a time. */
final class TableBuilder {
    private final GtfsFeed feed;
    private final DistanceFeed distances;
    private final GtfsCompiler.Options options;

    TableBuilder(GtfsFeed feed, DistanceFeed distances, GtfsCompiler.Options options) {
        this.feed = feed;
        this.distances = distances;
        this.options = options;
    }

    FareTable build(List<FeedExtension.Contribution> contributions) {
        FareTable.Builder b = FareTable.builder().version(options.version()).zone(options.zone())
                .currency(feed.fareProducts().get(0).currency())
                .rulePriorityColumnPresent(feed.legRulePriorityColumn());
        networksAndRoutes(b);
        feed.stops().forEach(s -> b.stop(new Stop(s.stopId(), s.parentStation())));
        feed.areas().forEach(a -> b.area(new Area(a.areaId(), a.name())));
        feed.stopAreas().forEach(a -> b.stopArea(new StopArea(a.areaId(), a.stopId())));
        feed.riderCategories().forEach(c -> b.riderCategory(new RiderCategory(c.riderCategoryId(), c.name(),
                c.isDefault())));
        feed.fareMedia().forEach(m -> b.fareMedium(new FareMedium(m.fareMediaId(), m.name(), m.type())));
        feed.fareProducts().forEach(x -> b.fareProduct(new FareProduct(x.fareProductId(), x.name(),
                x.riderCategoryId(), x.fareMediaId(), Money.toMinor(x.amount(), x.currency()), x.currency())));
        feed.fareLegRules().forEach(r -> b.legRule(new FareLegRule(r.legGroupId(), r.networkId(), r.fromAreaId(),
                r.toAreaId(), r.fromTimeframeGroupId(), r.toTimeframeGroupId(), r.fareProductId(),
                r.rulePriority())));
        feed.fareLegJoinRules().forEach(r -> b.joinRule(new FareLegJoinRule(r.fromNetworkId(), r.toNetworkId(),
                r.fromStopId(), r.toStopId())));
        feed.fareTransferRules().forEach(r -> b.transferRule(new FareTransferRule(r.fromLegGroupId(),
                r.toLegGroupId(), r.fareProductId(),
                r.transferCount() == null ? FareTransferRule.NO_COUNT : r.transferCount(),
                r.durationLimit() == null ? Optional.empty() : Optional.of(new DurationLimit(r.durationLimit(),
                        DurationLimitType.ofCode(r.durationLimitType()))),
                FareTransferType.ofCode(r.fareTransferType()))));
        feed.timeframes().forEach(t -> b.timeframe(new Timeframe(t.timeframeGroupId(), t.from(), t.to(),
                t.serviceId())));
        calendars(b);
        b.distanceFares(new DistanceCompiler().compile(distances, feed.fareProducts()));
        contributions.forEach(c -> c.addTo(b));
        return b.build();
    }

    private void networksAndRoutes(FareTable.Builder b) {
        Map<String, String> networkOfRoute = new HashMap<>();
        if (feed.routeNetworkColumn()) {
            Set<String> ids = new LinkedHashSet<>();
            feed.routes().forEach(r -> {
                if (!r.networkId().isEmpty()) {
                    ids.add(r.networkId());
                    networkOfRoute.put(r.routeId(), r.networkId());
                }
            });
            ids.forEach(id -> b.network(new Network(id, "")));
        } else {
            feed.networks().forEach(n -> b.network(new Network(n.networkId(), n.name())));
            for (RouteNetwork rn : feed.routeNetworks()) {
                networkOfRoute.put(rn.routeId(), rn.networkId());
            }
        }
        // A route in no network is left out: the engine then prices its legs with rules that name no network.
        feed.routes().forEach(r -> {
            String network = networkOfRoute.get(r.routeId());
            if (network != null) {
                b.route(new Route(r.routeId(), network));
            }
        });
    }

    /** calendar.txt rows with their calendar_dates.txt exceptions; services only in calendar_dates too. */
    private void calendars(FareTable.Builder b) {
        Map<String, ServiceCalendar> weekly = new LinkedHashMap<>();
        feed.calendars().forEach(c -> weekly.put(c.serviceId(), c));
        Map<String, Set<LocalDate>> added = new LinkedHashMap<>();
        Map<String, Set<LocalDate>> removed = new HashMap<>();
        for (CalendarDate d : feed.calendarDates()) {
            (d.exceptionType() == 1 ? added : removed).computeIfAbsent(d.serviceId(), k -> new LinkedHashSet<>())
                    .add(d.date());
        }
        Set<String> services = new LinkedHashSet<>(weekly.keySet());
        feed.calendarDates().forEach(d -> services.add(d.serviceId()));
        for (String id : services) {
            Set<LocalDate> plus = added.getOrDefault(id, Set.of());
            Set<LocalDate> minus = removed.getOrDefault(id, Set.of());
            ServiceCalendar c = weekly.get(id);
            if (c != null) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (c.runsOn(day)) {
                        days.add(day);
                    }
                }
                b.calendar(new org.farebox.fare.model.ServiceCalendar(id, days, c.start(), c.end(), plus, minus));
            } else {
                Set<LocalDate> all = new LinkedHashSet<>(plus);
                all.addAll(minus);
                LocalDate first = all.stream().min(LocalDate::compareTo).orElseThrow();
                LocalDate last = all.stream().max(LocalDate::compareTo).orElseThrow();
                b.calendar(new org.farebox.fare.model.ServiceCalendar(id, Set.of(), first, last, plus, minus));
            }
        }
    }
}
