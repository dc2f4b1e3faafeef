package org.farebox.fare.gtfs.validate;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.farebox.fare.gtfs.Problems;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.farebox.fare.gtfs.feed.Network;
import org.farebox.fare.gtfs.feed.Route;
import org.farebox.fare.gtfs.feed.Source;

/** Id sets of a feed and the one foreign-key check every reference rule shares. */
final class Ids {
    private Ids() {
    }

    static <T> Set<String> of(Collection<T> rows, Function<T, String> id) {
        Set<String> out = new HashSet<>();
        for (T row : rows) {
            String v = id.apply(row);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The networks a feed defines: networks.txt, or the network_id values of routes.txt. */
    static Set<String> networks(GtfsFeed feed) {
        Set<String> out = of(feed.networks(), Network::networkId);
        out.addAll(of(feed.routes(), Route::networkId));
        return out;
    }

    /** Reports a non-empty {@code value} of {@code column} that is not among {@code known} ids of {@code target}. */
    static void reference(Problems p, Source src, String column, String value, Set<String> known, String target) {
        if (!value.isEmpty() && !known.contains(value)) {
            FeedRule.error(p, src, column + " " + value + " is not defined in " + target);
        }
    }
}
