package org.farebox.terminal.fare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.farebox.fare.gtfs.GtfsCompiler;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareTable;

/** The example network (examples/chengdu-like) compiled and put through the bundle bytes, as a terminal gets it. */
final class ExampleBundle {
    static final Path EXAMPLE = Path.of("..", "examples", "chengdu-like");

    private ExampleBundle() {
    }

    static byte[] bytes(Path feed, long version) {
        GtfsCompiler.Result r = new GtfsCompiler().compile(feed,
                new GtfsCompiler.Options(version, ZoneId.of("Asia/Shanghai")));
        FareTable table = r.table().orElseThrow(() -> new AssertionError("feed refused: " + r.problems().all()));
        return FareBundle.encode(table);
    }

    static BundleFarePolicy policy() {
        return BundleFarePolicy.of(bytes(EXAMPLE, 1));
    }

    /** The example with a bus → bus transfer within 90 minutes (the bus_metro_transfer discount), in {@code dir}. */
    static BundleFarePolicy withBusTransfer(Path dir) {
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
            Files.writeString(dir.resolve("fare_transfer_rules.txt"), "bus,bus,1,5400,1,1,bus_metro_transfer\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BundleFarePolicy.of(bytes(dir, 1));
    }
}
