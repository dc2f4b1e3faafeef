package org.farebox.fare.gtfs.validate;

import java.util.Set;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.Area;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Stop;
import org.farebox.fare.gtfs.feed.StopArea;

/** stop_areas.txt names only stops and areas that exist; a stop's parent_station is a stop too. */
public final class StopAreaReferencesRule implements FeedRule {
    @Override
    public void check(GtfsFeed feed, Problems p) {
        Set<String> stops = Ids.of(feed.stops(), Stop::stopId);
        Set<String> areas = Ids.of(feed.areas(), Area::areaId);
        for (StopArea a : feed.stopAreas()) {
            Ids.reference(p, a.src(), "area_id", a.areaId(), areas, "areas.txt");
            Ids.reference(p, a.src(), "stop_id", a.stopId(), stops, "stops.txt");
        }
        for (Stop s : feed.stops()) {
            Ids.reference(p, s.src(), "parent_station", s.parentStation(), stops, "stops.txt");
        }
    }
}
