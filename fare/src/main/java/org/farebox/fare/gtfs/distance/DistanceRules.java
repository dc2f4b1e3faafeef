package org.farebox.fare.gtfs.distance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Money;
import org.farebox.fare.gtfs.feed.Network;
import org.farebox.fare.gtfs.feed.Route;
import org.farebox.fare.gtfs.feed.Stop;
import org.farebox.fare.gtfs.validate.AbsurdValueRule;

/**
 * Checks of the distance extension: known networks, stops, products and categories; a network with distance
 * fares has distances; bands of one (product, category) ascend with at most one open last band; amounts are
 * valid money, not negative and not absurd.
 */
public final class DistanceRules {
    public void check(GtfsFeed feed, DistanceFeed distances, Problems p) {
        Set<String> networks = ids(feed.networks().stream().map(Network::networkId).toList());
        networks.addAll(ids(feed.routes().stream().map(Route::networkId).toList()));
        Set<String> stops = ids(feed.stops().stream().map(Stop::stopId).toList());
        Map<String, FareProduct> products = new HashMap<>();
        feed.fareProducts().forEach(x -> products.putIfAbsent(x.fareProductId(), x));
        Set<String> categories = ids(feed.riderCategories().stream().map(c -> c.riderCategoryId()).toList());
        Set<String> networksWithDistances = new HashSet<>();
        for (TrackSegment s : distances.segments()) {
            known(p, s.src(), "network_id", s.networkId(), networks, "networks.txt or routes.txt");
            known(p, s.src(), "from_stop_id", s.fromStopId(), stops, "stops.txt");
            known(p, s.src(), "to_stop_id", s.toStopId(), stops, "stops.txt");
            if (s.fromStopId().equals(s.toStopId()) && !s.fromStopId().isEmpty()) {
                p.error(s.src().file(), s.src().row(), "from_stop_id and to_stop_id are the same stop");
            }
            networksWithDistances.add(s.networkId());
        }
        Map<List<String>, List<DistanceBandRow>> fares = new HashMap<>();
        for (DistanceBandRow b : distances.bands()) {
            known(p, b.src(), "network_id", b.networkId(), networks, "networks.txt or routes.txt");
            known(p, b.src(), "rider_category_id", b.riderCategoryId(), categories, "rider_categories.txt");
            FareProduct product = products.get(b.fareProductId());
            if (product == null) {
                known(p, b.src(), "fare_product_id", b.fareProductId(), Set.of(), "fare_products.txt");
            } else {
                amount(p, b, product.currency());
            }
            if (!b.networkId().isEmpty() && !networksWithDistances.contains(b.networkId())) {
                p.error(b.src().file(), b.src().row(), "network " + b.networkId() + " has distance fares but no "
                        + "rows in " + DistanceFeed.DISTANCES);
            }
            fares.computeIfAbsent(List.of(b.fareProductId(), b.riderCategoryId()), k -> new ArrayList<>()).add(b);
        }
        fares.values().forEach(rows -> bandsAscend(p, rows));
    }

    private static void bandsAscend(Problems p, List<DistanceBandRow> rows) {
        Set<String> networks = new HashSet<>();
        rows.forEach(r -> networks.add(r.networkId()));
        if (networks.size() > 1) {
            DistanceBandRow r = rows.get(1);
            p.error(r.src().file(), r.src().row(), "fare product " + r.fareProductId() + " has bands on several "
                    + "networks " + networks + "; use one product per network");
        }
        Set<Integer> seen = new HashSet<>();
        for (DistanceBandRow r : rows) {
            int bound = r.upToMetres() == null ? Integer.MAX_VALUE : r.upToMetres();
            if (!seen.add(bound)) {
                p.error(r.src().file(), r.src().row(), "fare product " + r.fareProductId() + " has two bands up to "
                        + (r.upToMetres() == null ? "no limit" : r.upToMetres() + " m"));
            }
        }
    }

    private static void amount(Problems p, DistanceBandRow b, String currency) {
        if (b.amount().isEmpty()) {
            return;
        }
        try {
            long minor = Money.toMinor(b.amount(), currency);
            if (minor < 0) {
                p.error(b.src().file(), b.src().row(), "amount " + b.amount() + " is negative; a distance fare "
                        + "prices a leg");
            } else if (minor > AbsurdValueRule.MAX_AMOUNT_MINOR) {
                p.error(b.src().file(), b.src().row(), "amount " + b.amount() + " " + currency + " is beyond "
                        + AbsurdValueRule.MAX_AMOUNT_MINOR + " minor units");
            }
        } catch (IllegalArgumentException e) {
            p.error(b.src().file(), b.src().row(), e.getMessage());
        }
    }

    private static void known(Problems p, org.farebox.fare.gtfs.feed.Source src, String column, String value,
            Set<String> ids, String target) {
        if (!value.isEmpty() && !ids.contains(value)) {
            p.error(src.file(), src.row(), column + " " + value + " is not defined in " + target);
        }
    }

    private static Set<String> ids(List<String> values) {
        Set<String> out = new HashSet<>(values);
        out.remove("");
        return out;
    }
}
