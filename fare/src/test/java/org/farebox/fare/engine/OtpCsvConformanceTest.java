package org.farebox.fare.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.farebox.fare.gtfs.GtfsCompiler;
import org.farebox.fare.model.FareTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The OTP Fares v2 scenarios as GTFS feed folders (src/test/resources/otp/&lt;Scenario&gt;/), compiled by the
 * importer and priced by the engine; where the Java-built table of {@link OtpConformanceTest} exists, the
 * compiled table must price the journey exactly as it does. See fare/CONFORMANCE.md.
 */
class OtpCsvConformanceTest {
    /** Fixtures present today; a lower count means the resources were not found or a folder was lost. */
    private static final int FIXTURES = 27;

    private final FareEngine engine = new FareEngine();
    private final OtpConformanceTest java = new OtpConformanceTest();

    /** Java-built tables by the fixture name's OTP class (the part before the dot). */
    private final Map<String, Supplier<FareTable>> javaTables = Map.ofEntries(
            Map.entry("CostedTransferInNetworkTest", () -> java.new CostedTransferInNetworkTest().table),
            Map.entry("CostedTransferAcrossNetworksTest", () -> java.new CostedTransferAcrossNetworksTest().table),
            Map.entry("FreeTransferAcrossNetworksTest", () -> java.new FreeTransferAcrossNetworksTest().table),
            Map.entry("DepartureToArrivalTimeLimitTest", () -> java.new DepartureToArrivalTimeLimitTest().table),
            Map.entry("DepartureToDepartureTimeLimitTest",
                    () -> java.new DepartureToDepartureTimeLimitTest().table),
            Map.entry("FreeTransferTimeLimitTest", () -> java.new FreeTransferTimeLimitTest().table),
            Map.entry("TransferCountTest", () -> java.new TransferCountTest().table(OtpFixtures.ONE_EUR)),
            Map.entry("TransferCountWithTimeLimitTest", () -> java.new TransferCountWithTimeLimitTest().table),
            Map.entry("WildcardNetworkTransferTest", () -> java.new WildcardNetworkTransferTest().table),
            Map.entry("OverlappingTimeframeTest", () -> java.new OverlappingTimeframeTest().table),
            Map.entry("OverlappingTimeframesWithPriorityTest",
                    () -> java.new OverlappingTimeframesWithPriorityTest().table),
            Map.entry("AreasTest", () -> java.new AreasTest().table),
            Map.entry("OnlyFromTimeframeMatcherTest", () -> java.new OnlyFromTimeframeMatcherTest().table),
            Map.entry("OnlyToTimeframeMatcherTest", () -> java.new OnlyToTimeframeMatcherTest().table));

    @TestFactory
    Stream<DynamicTest> everyFixtureCompilesAndPricesAsExpected() throws IOException, URISyntaxException {
        List<Path> folders = fixtures();
        assertEquals(FIXTURES, folders.size(), "fixture folders under otp/");
        return folders.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        GtfsCompiler.Result result = new GtfsCompiler().compile(folder,
                new GtfsCompiler.Options(1, Scenario.ZONE));
        assertFalse(result.problems().hasErrors(), name + ": " + result.problems().errors());
        FareTable table = result.table().orElseThrow();
        ExpectedJourney expected = ExpectedJourney.read(folder.resolve("expected.csv"));

        JourneyFare fare = engine.priceJourney(table, expected.legs());
        assertEquals(expected.legFen().size(), fare.legs().size(), name + ": legs");
        for (int i = 0; i < fare.legs().size(); i++) {
            LegFare leg = fare.legs().get(i);
            String at = name + " leg " + (i + 1);
            Optional<Long> fen = expected.legFen().get(i);
            assertEquals(fen.isPresent(), leg.known(), at + ": priced");
            fen.ifPresent(f -> assertEquals(f, leg.amountFen(), at + ": fen"));
            Optional<Set<String>> offers = expected.offers().get(i);
            offers.ifPresent(o -> assertEquals(o, products(leg), at + ": offers"));
        }
        assertEquals(expected.legFen().stream().allMatch(Optional::isPresent), fare.complete(), name + ": complete");
        assertEquals(expected.totalFen(), fare.totalFen(), name + ": total");

        Supplier<FareTable> javaTable = javaTables.get(name.substring(0, name.indexOf('.')));
        if (javaTable != null) {
            assertPricedAlike(name, engine.priceJourney(javaTable.get(), expected.legs()), fare);
        }
    }

    /** The importer's table and the Java-built model agree leg by leg, offers included. */
    private static void assertPricedAlike(String name, JourneyFare fromJava, JourneyFare fromCsv) {
        for (int i = 0; i < fromCsv.legs().size(); i++) {
            LegFare j = fromJava.legs().get(i);
            LegFare c = fromCsv.legs().get(i);
            String at = name + " leg " + (i + 1) + " (CSV vs Java table)";
            assertEquals(j.known(), c.known(), at + ": priced");
            assertEquals(j.amountFen(), c.amountFen(), at + ": fen");
            assertEquals(j.fareProductId(), c.fareProductId(), at + ": product");
            assertEquals(products(j), products(c), at + ": offers");
        }
        assertEquals(fromJava.totalFen(), fromCsv.totalFen(), name + ": total (CSV vs Java table)");
    }

    private static Set<String> products(LegFare leg) {
        Set<String> ids = new TreeSet<>();
        leg.offers().forEach(o -> ids.add(o.fareProductId()));
        return ids;
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(OtpCsvConformanceTest.class.getResource("/otp").toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> theCrossCheckCoversEveryFixtureWithAJavaScenario() throws IOException, URISyntaxException {
        // Guards the name mapping: a fixture of a ported OTP class must find its Java table.
        return fixtures().stream().map(f -> f.getFileName().toString())
                .filter(n -> !n.startsWith("Farebox.") && !n.startsWith("SameGroupIdPriorityTest."))
                .map(n -> DynamicTest.dynamicTest(n, () -> assertTrue(
                        javaTables.containsKey(n.substring(0, n.indexOf('.'))), n + " has a Java table")));
    }
}
