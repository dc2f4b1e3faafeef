package org.farebox.fare.gtfs;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.farebox.fare.extension.ExtensionFileException;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.extension.FareExtensionsParser;
import org.farebox.fare.extension.Problem;
import org.farebox.fare.gtfs.feed.GtfsFeed;

/**
 * The Farebox extension files (farebox_settings, caps, promotions, vouchers, card types) as a compiler step:
 * parses them, checks their ids against the GTFS feed, reports every problem by file and row, and puts the
 * result into the table ({@link org.farebox.fare.model.FareTable#extensions()}).
 */
public final class FareExtensionsFeed implements FeedExtension {
    private final FareExtensionsParser parser = new FareExtensionsParser();

    @Override
    public List<String> fileNames() {
        return FareExtensionsParser.FILES;
    }

    @Override
    public Contribution check(Path folder, GtfsFeed feed, Problems problems) {
        FareExtensions extensions;
        try {
            extensions = parser.parse(folder);
        } catch (ExtensionFileException e) {
            e.problems().forEach(p -> report(p, problems));
            return Contribution.NONE;
        }
        List<Problem> unknown = extensions.unknownReferences(riderCategories(feed), networks(feed), routes(feed),
                fareMedia(feed));
        unknown.forEach(p -> report(p, problems));
        if (!unknown.isEmpty()) {
            return Contribution.NONE;
        }
        return table -> table.extensions(extensions);
    }

    private static void report(Problem p, Problems problems) {
        problems.error(p.file(), p.line(), p.message());
    }

    private static Set<String> riderCategories(GtfsFeed feed) {
        Set<String> out = new HashSet<>();
        feed.riderCategories().forEach(c -> out.add(c.riderCategoryId()));
        return out;
    }

    private static Set<String> networks(GtfsFeed feed) {
        Set<String> out = new HashSet<>();
        feed.networks().forEach(n -> out.add(n.networkId()));
        feed.routeNetworks().forEach(n -> out.add(n.networkId()));
        feed.routes().stream().map(r -> r.networkId()).filter(id -> id != null && !id.isEmpty()).forEach(out::add);
        return out;
    }

    private static Set<String> routes(GtfsFeed feed) {
        Set<String> out = new HashSet<>();
        feed.routes().forEach(r -> out.add(r.routeId()));
        return out;
    }

    private static Set<String> fareMedia(GtfsFeed feed) {
        Set<String> out = new HashSet<>();
        feed.fareMedia().forEach(m -> out.add(m.fareMediaId()));
        return out;
    }
}
