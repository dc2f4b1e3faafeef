package org.farebox.fare.gtfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One broken fixture per rule; each must be reported with its file and row. */
class FeedValidationTest {
    @TempDir
    Path dir;
    private int feeds;

    private List<String> errors(TestFeed feed) {
        // A fresh folder per feed: files left by an earlier feed of the same test must not leak in.
        GtfsImport.Result r = new GtfsImport().read(feed.write(dir.resolve("feed" + feeds++)));
        return r.problems().errors().stream().map(Problem::toString).toList();
    }

    private void assertReported(TestFeed feed, String expected) {
        List<String> errors = errors(feed);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(expected)),
                "expected an error starting with [" + expected + "], got " + errors);
    }

    @Test
    void theValidFixtureHasNoErrors() {
        assertEquals(List.of(), errors(TestFeed.valid()));
    }

    @Test
    void missingRequiredFileIsReported() {
        assertReported(TestFeed.valid().without("fare_products.txt"), "fare_products.txt: is missing");
        assertReported(TestFeed.valid().without("calendar.txt").without("calendar_dates.txt"),
                "timeframes.txt: is present but calendar.txt or calendar_dates.txt is missing");
    }

    @Test
    void duplicatePrimaryKeysNameTheFirstRow() {
        assertReported(TestFeed.valid().append("stops.txt", "S2,Again\n"),
                "stops.txt row 5: duplicate stop_id S2; first defined at row 3");
        assertReported(TestFeed.valid().append("fare_products.txt", "P1,Dup,adult,card,3.00,CNY\n"),
                "fare_products.txt row 5: duplicate (fare_product_id, rider_category_id, fare_media_id)");
        assertReported(TestFeed.valid().append("route_networks.txt", "N2,R1\n"),
                "route_networks.txt row 4: duplicate route_id");
    }

    @Test
    void unknownIdsInEveryReferencingFileAreReported() {
        assertReported(TestFeed.valid().append("fare_products.txt", "P2,X,student,card,1.00,CNY\n"),
                "fare_products.txt row 5: rider_category_id student is not defined in rider_categories.txt");
        assertReported(TestFeed.valid().append("fare_products.txt", "P2,X,adult,paper,1.00,CNY\n"),
                "fare_products.txt row 5: fare_media_id paper is not defined in fare_media.txt");
        assertReported(TestFeed.valid().append("fare_leg_rules.txt", "G3,N9,,,,,P1,0\n"),
                "fare_leg_rules.txt row 5: network_id N9 is not defined");
        assertReported(TestFeed.valid().append("fare_leg_rules.txt", "G3,N1,A9,,,,P1,2\n"),
                "fare_leg_rules.txt row 5: from_area_id A9 is not defined in areas.txt");
        assertReported(TestFeed.valid().append("fare_leg_rules.txt", "G3,N1,,,,night,P1,2\n"),
                "fare_leg_rules.txt row 5: to_timeframe_group_id night is not defined in timeframes.txt");
        assertReported(TestFeed.valid().append("fare_leg_rules.txt", "G3,N1,,A2,,,PX,2\n"),
                "fare_leg_rules.txt row 5: fare_product_id PX is not defined in fare_products.txt");
        assertReported(TestFeed.valid().append("stop_areas.txt", "A1,S9\n"),
                "stop_areas.txt row 4: stop_id S9 is not defined in stops.txt");
        assertReported(TestFeed.valid().append("stop_areas.txt", "A7,S1\n"),
                "stop_areas.txt row 4: area_id A7 is not defined in areas.txt");
        assertReported(TestFeed.valid().append("route_networks.txt", "N1,R7\n"),
                "route_networks.txt row 4: route_id R7 is not defined in routes.txt");
        assertReported(TestFeed.valid().append("routes.txt", "R3,3\n").append("route_networks.txt", "N5,R3\n"),
                "route_networks.txt row 4: network_id N5 is not defined in networks.txt");
        assertReported(TestFeed.valid().append("timeframes.txt", "offpeak,10:00:00,16:00:00,SAT\n"),
                "timeframes.txt row 4: service_id SAT is not defined in calendar.txt or calendar_dates.txt");
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G1,G9,,600,1,0,\n"),
                "fare_transfer_rules.txt row 4: to_leg_group_id G9 is not defined in fare_leg_rules.txt");
    }

    @Test
    void routesNetworkIdTogetherWithNetworkFilesIsForbidden() {
        assertReported(TestFeed.valid().with("routes.txt", "route_id,route_type,network_id\nR1,3,N1\nR2,1,N2\n"),
                "routes.txt row 1: has a network_id column, so networks.txt is forbidden");
    }

    @Test
    void overlappingTimeframesInOneGroupAndServiceAreReported() {
        assertReported(TestFeed.valid().append("timeframes.txt", "peak,08:30:00,10:00:00,WK\n"),
                "timeframes.txt row 4: timeframe group peak on service WK overlaps row 2");
    }

    @Test
    void touchingTimeframesAndOtherServicesDoNotOverlap() {
        assertEquals(List.of(), errors(TestFeed.valid().append("timeframes.txt",
                "peak,09:00:00,10:00:00,WK\npeak,07:30:00,08:00:00,HOL\n")));
    }

    @Test
    void timeframeTimesMustBeBothOrNeitherAndWithinTheDay() {
        assertReported(TestFeed.valid().append("timeframes.txt", "late,22:00:00,,WK\n"),
                "timeframes.txt row 4: start_time and end_time must both be set or both be empty");
        assertReported(TestFeed.valid().append("timeframes.txt", "late,22:00:00,25:00:00,WK\n"),
                "timeframes.txt row 4: times must be at most 24:00:00");
        assertReported(TestFeed.valid().append("timeframes.txt", "late,23:00:00,22:00:00,WK\n"),
                "timeframes.txt row 4: start_time must be before end_time");
    }

    @Test
    void transferCountIsRequiredIffBothGroupsAreTheSame() {
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G2,G2,,,,0,\n"),
                "fare_transfer_rules.txt row 4: transfer_count is required when from_leg_group_id equals");
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G2,G1,2,,,0,\n"),
                "fare_transfer_rules.txt row 4: transfer_count is forbidden when");
    }

    @Test
    void durationLimitTypeIsRequiredIffDurationLimitIsSet() {
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G2,G1,,600,,0,\n"),
                "fare_transfer_rules.txt row 4: duration_limit_type is required when duration_limit is set");
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G2,G1,,,2,0,\n"),
                "fare_transfer_rules.txt row 4: duration_limit_type is set but duration_limit is empty");
    }

    @Test
    void missingOrSeveralDefaultRiderCategoriesAreReported() {
        assertReported(TestFeed.valid().with("rider_categories.txt",
                "rider_category_id,rider_category_name,is_default_fare_category\nadult,Adult,0\nchild,Child,0\n"),
                "rider_categories.txt: no rider category has is_default_fare_category = 1");
        assertReported(TestFeed.valid().with("rider_categories.txt",
                "rider_category_id,rider_category_name,is_default_fare_category\nadult,Adult,1\nchild,Child,1\n"),
                "fare_products.txt row 2: fare product P1 is offered to [adult, child] of which 2 are default");
    }

    @Test
    void negativeLegProductAndOversizedDiscountAreReported() {
        assertReported(TestFeed.valid().append("fare_products.txt", "NEG,Neg,,,-1.00,CNY\n")
                        .append("fare_leg_rules.txt", "G3,N1,A2,,,,NEG,5\n"),
                "fare_leg_rules.txt row 5: fare product NEG (fare_products.txt row 5) has a negative amount");
        assertReported(TestFeed.valid().with("fare_products.txt", "fare_product_id,fare_product_name,"
                        + "rider_category_id,fare_media_id,amount,currency\nP1,Single,adult,card,2.00,CNY\n"
                        + "P1,Single,child,card,1.00,CNY\nT1,Transfer,,,-3.00,CNY\n"),
                "fare_transfer_rules.txt row 2: for rider category child this transfer would make a journey cost -100");
    }

    @Test
    void absurdValuesAreReported() {
        assertReported(TestFeed.valid().append("fare_products.txt", "BIG,Big,,,200000.00,CNY\n"),
                "fare_products.txt row 5: amount 200000.00 CNY is beyond 1000000 minor units");
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G2,G1,,5400000,1,0,\n"),
                "fare_transfer_rules.txt row 4: duration_limit 5400000 s is more than 7 days");
    }

    @Test
    void moneyMustFitTheCurrencyDecimals() {
        assertReported(TestFeed.valid().append("fare_products.txt", "P3,X,,,2.005,CNY\n"),
                "fare_products.txt row 5: amount \"2.005\" has 3 decimals; CNY has 2");
        assertReported(TestFeed.valid().append("fare_products.txt", "P3,X,,,2 yuan,CNY\n"),
                "fare_products.txt row 5: amount \"2 yuan\" is not a decimal number");
        assertReported(TestFeed.valid().append("fare_products.txt", "P3,X,,,2.00,RMB\n"),
                "fare_products.txt row 5: currency \"RMB\" is not an ISO 4217 code");
        assertReported(TestFeed.valid().append("fare_products.txt", "P3,X,,,2.00,USD\n"),
                "fare_products.txt row 5: currency USD differs from CNY (row 2)");
    }

    @Test
    void joinRuleStopsAreBothOrNeither() {
        assertReported(TestFeed.valid().append("fare_leg_join_rules.txt", "N1,N2,S1,\n"),
                "fare_leg_join_rules.txt row 3: from_stop_id and to_stop_id must both be set or both be empty");
    }

    @Test
    void unreadableFieldsNameTheColumn() {
        assertReported(TestFeed.valid().append("fare_transfer_rules.txt", "G2,G1,,,,seven,\n"),
                "fare_transfer_rules.txt row 4: fare_transfer_type must be an integer, got \"seven\"");
        assertReported(TestFeed.valid().append("timeframes.txt", "late,7pm,8pm,WK\n"),
                "timeframes.txt row 4: start_time must be a time HH:MM:SS");
    }

    @Test
    void aFeedWithSeveralProblemsListsAllOfThem() {
        TestFeed broken = TestFeed.valid()
                .append("stops.txt", "S1,Again\n")
                .append("fare_products.txt", "P4,X,,,1.234,CNY\n")
                .append("timeframes.txt", "peak,08:00:00,08:30:00,WK\n")
                .append("fare_transfer_rules.txt", "G2,G2,,,,0,\n")
                .without("routes.txt");
        List<String> errors = errors(broken);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("routes.txt: is missing")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("stops.txt row 5: duplicate stop_id S1")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("fare_products.txt row 5: amount \"1.234\"")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("timeframes.txt row 4: timeframe group peak")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("fare_transfer_rules.txt row 4: transfer_count")),
                errors.toString());
    }
}
