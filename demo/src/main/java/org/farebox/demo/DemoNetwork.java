package org.farebox.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.farebox.fare.gtfs.GtfsCompiler;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareTable;

/**
 * The demo's fares: the example city's GTFS-Fares feed (examples/chengdu-like), compiled as an operator
 * would with {@code farebox-provision faretable compile}, and a second version for the change the
 * operator publishes in the middle of the run (the adult bus fare from 2.00 to 2.50 yuan).
 */
final class DemoNetwork {
    static final String BUS_ROUTE = "B101";
    static final String BUS_STOP = "B_XIYUAN";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DemoNetwork() {
    }

    /** Compiles {@code feed} as version 1 into {@code out}; the bundle file. */
    static Path compileFirst(Path feed, Path out) throws IOException {
        Files.write(out, compile(feed, 1));
        return out;
    }

    /** Version 2: the same feed with the adult bus fare raised to 2.50 yuan, as bundle bytes. */
    static byte[] compileRaisedBusFare(Path feed, Path workDir) throws IOException {
        Path copy = Files.createDirectories(workDir.resolve("feed-v2"));
        try (Stream<Path> files = Files.list(feed)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path products = copy.resolve("fare_products.txt");
        String text = Files.readString(products, StandardCharsets.UTF_8);
        String raised = text.replace("bus_flat,Bus flat fare,adult,,2.00,CNY", "bus_flat,Bus flat fare,adult,,2.50,CNY");
        if (raised.equals(text)) {
            throw new IOException(products + " has no adult bus fare of 2.00 to raise");
        }
        Files.writeString(products, raised, StandardCharsets.UTF_8);
        return compile(copy, 2);
    }

    private static byte[] compile(Path feed, long version) throws IOException {
        GtfsCompiler.Result r = new GtfsCompiler().compile(feed, new GtfsCompiler.Options(version, ZONE));
        FareTable table = r.table().orElseThrow(() -> new IOException("the fare feed " + feed + " does not compile:\n"
                + r.problems().errors().stream().map(Object::toString).collect(Collectors.joining("\n"))));
        return FareBundle.encode(table);
    }
}
