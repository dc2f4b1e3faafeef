package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.FareLegRule;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.FareTransferRule;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/** fare_transfer_rules.txt names leg groups that fare_leg_rules.txt defines, and fare products that exist. */
public final class TransferRuleReferencesRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> groups = Ids.of(feed.fareLegRules(), FareLegRule::legGroupId);
        Set<String> products = Ids.of(feed.fareProducts(), FareProduct::fareProductId);
        for (FareTransferRule r : feed.fareTransferRules()) {
            Ids.reference(p, r.src(), "from_leg_group_id", r.fromLegGroupId(), groups, "fare_leg_rules.txt");
            Ids.reference(p, r.src(), "to_leg_group_id", r.toLegGroupId(), groups, "fare_leg_rules.txt");
            Ids.reference(p, r.src(), "fare_product_id", r.fareProductId(), products, "fare_products.txt");
        }
    }
}
