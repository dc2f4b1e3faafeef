package org.farebox.fare.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.farebox.fare.model.FareTable;

/**
 * A conformance scenario: a fare table, a journey and what it must cost. Scenarios are data so that the
 * same ones can later be loaded from GTFS CSV fixtures (one folder per scenario name) by the importer.
 */
record Scenario(String name, FareTable table, List<Leg> legs, long expectedTotalFen, List<Long> expectedLegFen) {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2025, 6, 24);

    static Instant at(String hhmm) {
        return ZonedDateTime.of(DAY, LocalTime.parse(hhmm), ZONE).toInstant();
    }

    /** A leg on a network (or "" for none) between two stops, times as HH:mm on the scenario day. */
    static Leg leg(String network, String from, String to, String dep, String arr) {
        return new Leg(network, "", from, to, at(dep), Optional.of(at(arr)), "", "");
    }

    static Leg routeLeg(String route, String dep, String arr) {
        return new Leg("", route, "s", "s", at(dep), Optional.of(at(arr)), "", "");
    }

    JourneyFare price() {
        return new FareEngine().priceJourney(table, legs);
    }
}
