package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.Area;
import org.farebox.fare.gtfs.feed.FareLegRule;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Timeframe;

/** fare_leg_rules.txt names only networks, areas, timeframe groups and fare products that exist. */
public final class LegRuleReferencesRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> networks = Ids.networks(feed);
        Set<String> areas = Ids.of(feed.areas(), Area::areaId);
        Set<String> timeframes = Ids.of(feed.timeframes(), Timeframe::timeframeGroupId);
        Set<String> products = Ids.of(feed.fareProducts(), FareProduct::fareProductId);
        for (FareLegRule r : feed.fareLegRules()) {
            Ids.reference(p, r.src(), "network_id", r.networkId(), networks, "networks.txt or routes.txt");
            Ids.reference(p, r.src(), "from_area_id", r.fromAreaId(), areas, "areas.txt");
            Ids.reference(p, r.src(), "to_area_id", r.toAreaId(), areas, "areas.txt");
            Ids.reference(p, r.src(), "from_timeframe_group_id", r.fromTimeframeGroupId(), timeframes,
                    "timeframes.txt");
            Ids.reference(p, r.src(), "to_timeframe_group_id", r.toTimeframeGroupId(), timeframes, "timeframes.txt");
            Ids.reference(p, r.src(), "fare_product_id", r.fareProductId(), products, "fare_products.txt");
        }
    }
}
