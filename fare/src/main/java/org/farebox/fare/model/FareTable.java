package org.farebox.fare.model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.farebox.fare.extension.FareExtensions;

/**
 * A compiled fare table: every GTFS-Fares v2 entity Farebox prices with, plus distance fares, in one
 * immutable value, with the Farebox extensions (caps, promotions, vouchers, card types) compiled from the same feed. The constructor indexes rules by network, area, leg group and timeframe group so a
 * quote looks up a handful of candidates instead of scanning the table. Build one with {@link #builder()}.
 * Times are interpreted in {@link #zone()} (one zone per table: Farebox networks do not span zones).
 */
public final class FareTable {
    private final long version;
    private final ZoneId zone;
    private final String currency;
    private final List<Network> networks;
    private final List<Route> routes;
    private final List<Stop> stops;
    private final List<Area> areas;
    private final List<StopArea> stopAreas;
    private final List<RiderCategory> riderCategories;
    private final List<FareMedium> fareMedia;
    private final List<FareProduct> fareProducts;
    private final List<FareLegRule> legRules;
    private final boolean rulePriorityColumnPresent;
    private final List<FareLegJoinRule> joinRules;
    private final List<FareTransferRule> transferRules;
    private final List<Timeframe> timeframes;
    private final List<ServiceCalendar> calendars;
    private final DistanceFares distanceFares;
    private final FareExtensions extensions;
    private final FareTableIndex index;

    private FareTable(Builder b) {
        if (b.version < 0) {
            throw new IllegalArgumentException("version must not be negative, got " + b.version);
        }
        this.version = b.version;
        this.zone = Objects.requireNonNull(b.zone, "zone must not be null");
        this.currency = Check.id(b.currency, "currency");
        this.networks = List.copyOf(b.networks);
        this.routes = List.copyOf(b.routes);
        this.stops = List.copyOf(b.stops);
        this.areas = List.copyOf(b.areas);
        this.stopAreas = List.copyOf(b.stopAreas);
        this.riderCategories = List.copyOf(b.riderCategories);
        this.fareMedia = List.copyOf(b.fareMedia);
        this.fareProducts = List.copyOf(b.fareProducts);
        this.legRules = List.copyOf(b.legRules);
        this.rulePriorityColumnPresent = b.rulePriorityColumnPresent;
        this.joinRules = List.copyOf(b.joinRules);
        this.transferRules = List.copyOf(b.transferRules);
        this.timeframes = List.copyOf(b.timeframes);
        this.calendars = List.copyOf(b.calendars);
        this.distanceFares = Objects.requireNonNull(b.distanceFares, "distanceFares must not be null");
        this.extensions = Objects.requireNonNull(b.extensions, "extensions must not be null");
        this.index = new FareTableIndex(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long version() {
        return version;
    }

    public ZoneId zone() {
        return zone;
    }

    public String currency() {
        return currency;
    }

    public List<Network> networks() {
        return networks;
    }

    public List<Route> routes() {
        return routes;
    }

    public List<Stop> stops() {
        return stops;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<StopArea> stopAreas() {
        return stopAreas;
    }

    public List<RiderCategory> riderCategories() {
        return riderCategories;
    }

    public List<FareMedium> fareMedia() {
        return fareMedia;
    }

    public List<FareProduct> fareProducts() {
        return fareProducts;
    }

    public List<FareLegRule> legRules() {
        return legRules;
    }

    /** Whether fare_leg_rules.txt had a rule_priority column: it switches empty fields to wildcard semantics. */
    public boolean rulePriorityColumnPresent() {
        return rulePriorityColumnPresent;
    }

    public List<FareLegJoinRule> joinRules() {
        return joinRules;
    }

    public List<FareTransferRule> transferRules() {
        return transferRules;
    }

    public List<Timeframe> timeframes() {
        return timeframes;
    }

    public List<ServiceCalendar> calendars() {
        return calendars;
    }

    public DistanceFares distanceFares() {
        return distanceFares;
    }

    /** Caps, promotions, vouchers, settings and card types ({@link FareExtensions#NONE} when the feed had none). */
    public FareExtensions extensions() {
        return extensions;
    }

    /** The lookups the engine prices with, built once. */
    public FareTableIndex index() {
        return index;
    }

    /** The network of a route, if the route is known. */
    public Optional<String> networkOfRoute(String routeId) {
        return index.networkOfRoute(routeId);
    }

    /** Collects a table's parts; {@link #build()} checks and indexes them. */
    public static final class Builder {
        private long version = 1;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private String currency = "CNY";
        private final List<Network> networks = new ArrayList<>();
        private final List<Route> routes = new ArrayList<>();
        private final List<Stop> stops = new ArrayList<>();
        private final List<Area> areas = new ArrayList<>();
        private final List<StopArea> stopAreas = new ArrayList<>();
        private final List<RiderCategory> riderCategories = new ArrayList<>();
        private final List<FareMedium> fareMedia = new ArrayList<>();
        private final List<FareProduct> fareProducts = new ArrayList<>();
        private final List<FareLegRule> legRules = new ArrayList<>();
        private boolean rulePriorityColumnPresent;
        private final List<FareLegJoinRule> joinRules = new ArrayList<>();
        private final List<FareTransferRule> transferRules = new ArrayList<>();
        private final List<Timeframe> timeframes = new ArrayList<>();
        private final List<ServiceCalendar> calendars = new ArrayList<>();
        private DistanceFares distanceFares = DistanceFares.none();
        private FareExtensions extensions = FareExtensions.NONE;

        private Builder() {
        }

        public Builder version(long v) {
            this.version = v;
            return this;
        }

        public Builder zone(ZoneId z) {
            this.zone = z;
            return this;
        }

        public Builder currency(String c) {
            this.currency = c;
            return this;
        }

        public Builder network(Network n) {
            networks.add(Objects.requireNonNull(n));
            return this;
        }

        public Builder route(Route r) {
            routes.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder stop(Stop s) {
            stops.add(Objects.requireNonNull(s));
            return this;
        }

        public Builder area(Area a) {
            areas.add(Objects.requireNonNull(a));
            return this;
        }

        public Builder stopArea(StopArea sa) {
            stopAreas.add(Objects.requireNonNull(sa));
            return this;
        }

        public Builder riderCategory(RiderCategory c) {
            riderCategories.add(Objects.requireNonNull(c));
            return this;
        }

        public Builder fareMedium(FareMedium m) {
            fareMedia.add(Objects.requireNonNull(m));
            return this;
        }

        public Builder fareProduct(FareProduct p) {
            fareProducts.add(Objects.requireNonNull(p));
            return this;
        }

        public Builder legRule(FareLegRule r) {
            legRules.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder rulePriorityColumnPresent(boolean present) {
            this.rulePriorityColumnPresent = present;
            return this;
        }

        public Builder joinRule(FareLegJoinRule r) {
            joinRules.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder transferRule(FareTransferRule r) {
            transferRules.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder timeframe(Timeframe t) {
            timeframes.add(Objects.requireNonNull(t));
            return this;
        }

        public Builder calendar(ServiceCalendar c) {
            calendars.add(Objects.requireNonNull(c));
            return this;
        }

        public Builder distanceFares(DistanceFares d) {
            this.distanceFares = Objects.requireNonNull(d);
            return this;
        }

        public Builder extensions(FareExtensions e) {
            this.extensions = Objects.requireNonNull(e);
            return this;
        }

        public FareTable build() {
            return new FareTable(this);
        }
    }

    static <K, V> void addTo(Map<K, List<V>> map, K key, V value) {
        map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}
