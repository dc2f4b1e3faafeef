package org.farebox.fare.gtfs.validate;

import java.util.List;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/** Runs every rule over a feed; all breaches land in one {@link Problems}, none stops the others. */
public final class FeedValidator {
    private final List<FeedRule> rules;

    public FeedValidator(List<FeedRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of GTFS-Fares v2 that Farebox enforces, in report order. */
    public static FeedValidator standard() {
        return new FeedValidator(List.of(new RequiredFilesRule(), new DuplicateKeyRule(),
                new NetworkIdConsistencyRule(), new FareProductReferencesRule(), new LegRuleReferencesRule(),
                new StopAreaReferencesRule(), new RouteNetworkReferencesRule(), new TimeframeServiceRule(),
                new TransferRuleReferencesRule(), new LegJoinRuleRule(), new TimeframeTimesRule(),
                new TimeframeOverlapRule(), new CalendarRangeRule(), new TransferCountRule(),
                new DurationLimitTypeRule(), new DefaultRiderCategoryRule(), new MoneyFormatRule(),
                new SingleCurrencyRule(), new AbsurdValueRule(), new NegativeTotalRule()));
    }

    public List<FeedRule> rules() {
        return rules;
    }

    public void validate(GtfsFeed feed, Problems problems) {
        for (FeedRule rule : rules) {
            rule.check(feed, problems);
        }
    }
}
