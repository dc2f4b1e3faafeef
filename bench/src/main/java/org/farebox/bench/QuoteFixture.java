package org.farebox.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.extension.ExtensionFileException;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.extension.FareExtensionsParser;
import org.farebox.fare.model.DistanceBand;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceFares;
import org.farebox.fare.model.DistanceMatrix;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.farebox.fare.model.Network;
import org.farebox.fare.model.RiderCategory;
import org.farebox.fare.model.Route;
import org.farebox.fare.model.Stop;

/**
 * A synthetic city for the quote benchmark: a 1,000-station metro (one line, 1.3 km apart, so the full
 * station-to-station matrix spans every distance band), a flat-fare bus, a bus↔metro transfer within 90 minutes, a
 * 12-yuan daily cap and a holiday promotion, built with the model builder, and random two-leg journeys on it.
 */
final class QuoteFixture {
    static final int STATIONS = 1000;

    private QuoteFixture() {
    }

    static FareTable table() {
        LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
        FareTable.Builder b = FareTable.builder().version(1).network(new Network("metro", "Metro"))
                .network(new Network("bus", "Bus")).route(new Route("B1", "bus"))
                .riderCategory(new RiderCategory("adult", "Adult", true));
        for (int i = 0; i < STATIONS; i++) {
            positions.put("S" + i, i * 1300);
            b.stop(Stop.of("S" + i));
        }
        b.stop(Stop.of("BUS_STOP"));
        b.fareProduct(new FareProduct("dist", "Metro", "adult", "", 200, "CNY"))
                .fareProduct(new FareProduct("flat", "Bus", "adult", "", 200, "CNY"))
                .fareProduct(new FareProduct("xfer", "Transfer", "adult", "", -100, "CNY"))
                .legRule(FareLegRule.onNetwork("metro", "metro", "dist"))
                .legRule(FareLegRule.onNetwork("bus", "bus", "flat"));
        DurationLimit ninety = new DurationLimit(5400, DurationLimitType.DEPARTURE_TO_DEPARTURE);
        b.transferRule(new FareTransferRule("bus", "metro", "xfer", FareTransferRule.NO_COUNT, Optional.of(ninety),
                FareTransferType.FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG));
        b.transferRule(new FareTransferRule("metro", "bus", "xfer", FareTransferRule.NO_COUNT, Optional.of(ninety),
                FareTransferType.FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG));
        b.distanceFares(new DistanceFares(List.of(DistanceMatrix.ofLinePositions("metro", positions)),
                List.of(new DistanceFare("dist", "adult", "metro", List.of(new DistanceBand(4000, 200),
                        new DistanceBand(8000, 300), new DistanceBand(12000, 400), new DistanceBand(18000, 500),
                        new DistanceBand(24000, 600), new DistanceBand(DistanceBand.NO_LIMIT, 700))))));
        return b.extensions(extensions()).build();
    }

    private static FareExtensions extensions() {
        try {
            return new FareExtensionsParser().parse(Map.of(
                    "farebox_settings.txt", "setting_name,setting_value\ntransport_day_start,04:30\n",
                    "farebox_caps.txt", "cap_id,cap_period,amount,rider_category_id\ndaily,day,12,adult\n",
                    "farebox_promotions.txt", "promotion_id,promotion_type,percent,dates\n"
                            + "holiday,percent_discount,50,20261001;20261002\n"));
        } catch (ExtensionFileException e) {
            throw new IllegalStateException("the benchmark's extension files are wrong: " + e.getMessage(), e);
        }
    }

    /** {@code n} journeys of a bus leg then a metro trip between random stations 20-100 minutes later. */
    static List<List<Leg>> journeys(int n, long seed) {
        Random random = new Random(seed);
        Instant base = Instant.parse("2026-03-10T00:00:00Z");
        List<List<Leg>> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant bus = base.plusSeconds(random.nextInt(12 * 3600));
            Instant metro = bus.plusSeconds(1200 + random.nextInt(4800));
            out.add(List.of(new Leg("", "B1", "BUS_STOP", "", bus, Optional.empty(), "adult", "qr"),
                    new Leg("metro", "", "S" + random.nextInt(STATIONS), "S" + random.nextInt(STATIONS), metro,
                            Optional.of(metro.plusSeconds(1800)), "adult", "qr")));
        }
        return out;
    }
}
