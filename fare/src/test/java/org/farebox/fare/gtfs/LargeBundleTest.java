package org.farebox.fare.gtfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.DistanceBand;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceFares;
import org.farebox.fare.model.DistanceMatrix;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.Network;
import org.farebox.fare.model.Stop;
import org.junit.jupiter.api.Test;

class LargeBundleTest {
    @Test
    void thousandStationFullMatrixBundleDecodesWellWithinTheLoadBudget() {
        LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
        FareTable.Builder b = FareTable.builder().network(new Network("metro", "Metro"));
        for (int i = 0; i < 1000; i++) {
            positions.put("S" + i, i * 1300);
            b.stop(Stop.of("S" + i));
        }
        b.fareProduct(FareProduct.of("dist", 200, "CNY")).legRule(FareLegRule.onNetwork("m", "metro", "dist"));
        b.distanceFares(new DistanceFares(List.of(DistanceMatrix.ofLinePositions("metro", positions)),
                List.of(new DistanceFare("dist", "", "metro", List.of(new DistanceBand(4000, 200),
                        new DistanceBand(DistanceBand.NO_LIMIT, 900))))));
        byte[] bytes = FareBundle.encode(b.build());

        long start = System.nanoTime();
        FareTable decoded = FareBundle.decode(bytes).table();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(OptionalInt.of(999 * 1300), decoded.distanceFares().matrices().get(0).metresBetween("S0", "S999"));
        // The goal is 1 s on the Pi-class budget; 5 s here only catches a pathological regression on a busy box.
        assertTrue(ms < 5000, "decoding took " + ms + " ms for " + bytes.length + " bytes");
        System.out.println("BENCH-ish: 1000-station full matrix bundle " + bytes.length + " bytes, decode " + ms + " ms");
    }
}
