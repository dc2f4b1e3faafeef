package org.farebox.fare.day;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.gtfs.GtfsCompiler;
import org.farebox.fare.model.FareTable;

/** examples/chengdu-like compiled with the GTFS compiler, its extension files compiled into the table, and leg builders. */
final class ExampleNetwork {
    static final Path FOLDER = Path.of("..", "examples", "chengdu-like");

    private ExampleNetwork() {
    }

    static DayPricer pricer() {
        GtfsCompiler.Result result = new GtfsCompiler().compile(FOLDER, GtfsCompiler.Options.defaults());
        FareTable table = result.table().orElseThrow(() -> new AssertionError("example does not compile: "
                + result.problems().errors()));
        if (table.extensions().caps().isEmpty()) {
            throw new AssertionError("the compiled example carries no caps: the extension files were not compiled");
        }
        return new DayPricer(table);
    }

    /** A bus tap (flat fare, destination unknown) on a route at a local time "2026-03-10T07:30". */
    static Leg bus(String route, String stop, String localTime, String rider) {
        return new Leg("", route, stop, "", at(localTime), Optional.empty(), rider, "tunion");
    }

    /** A metro trip, gate in to gate out. */
    static Leg metro(String from, String to, String inTime, String outTime, String rider) {
        return new Leg("metro", "", from, to, at(inTime), Optional.of(at(outTime)), rider, "tunion");
    }

    static java.time.Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+08:00").toInstant();
    }
}
