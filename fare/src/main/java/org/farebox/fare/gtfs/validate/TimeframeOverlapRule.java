package org.farebox.fare.gtfs.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Timeframe;

/** Windows of one timeframe group on one service must not overlap (end is exclusive, so touching is fine). */
public final class TimeframeOverlapRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Map<List<String>, List<Timeframe>> groups = new LinkedHashMap<>();
        for (Timeframe t : feed.timeframes()) {
            if ((t.startSeconds() == null) == (t.endSeconds() == null)) {
                groups.computeIfAbsent(List.of(t.timeframeGroupId(), t.serviceId()), k -> new ArrayList<>()).add(t);
            }
        }
        for (List<Timeframe> rows : groups.values()) {
            rows.sort(Comparator.comparingInt(Timeframe::from).thenComparingInt(t -> t.src().row()));
            Timeframe latest = null;
            for (Timeframe t : rows) {
                if (latest != null && t.from() < latest.to()) {
                    FeedRule.error(p, t.src(), "timeframe group " + t.timeframeGroupId() + " on service "
                            + t.serviceId() + " overlaps row " + latest.src().row());
                }
                if (latest == null || t.to() > latest.to()) {
                    latest = t;
                }
            }
        }
    }
}
