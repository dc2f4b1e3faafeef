package org.farebox.protocol.fare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatFareTableTest {
    private static final FlatFareTable TABLE = new FlatFareTable(3, "CNY", 200, Map.of("K2", 300L),
            Map.of("adult", 100, "student", 50, "senior", 0), Map.of(1, "adult", 2, "student", 3, "senior"), "adult");

    @Test
    void concessionIsAPercentageRoundedDown() {
        FlatFareTable t = new FlatFareTable(1, "CNY", 250, Map.of(), Map.of("adult", 100, "student", 33),
                Map.of(2, "student"), "adult");
        assertEquals(82, t.fare("any", "student"));
        assertEquals(250, t.fare("any", "adult"));
    }

    @Test
    void unlistedRouteTakesTheDefaultFareAndUnknownCardTypeTheDefaultCategory() {
        assertEquals(200, TABLE.fare("101", TABLE.categoryOf(0x7F)));
        assertEquals(150, TABLE.fare("K2", TABLE.categoryOf(2)));
        assertEquals(0, TABLE.fare("K2", TABLE.categoryOf(3)));
    }

    @Test
    void jsonRoundTrips() {
        assertEquals(TABLE, FlatFareTable.parse(TABLE.toJson()));
    }

    @Test
    void errorsNameTheField() {
        String json = TABLE.toJson();
        assertMessage(json.replace("\"K2\":300", "\"K2\":-1"), "route_fares_fen.K2");
        assertMessage(json.replace("\"student\":50", "\"student\":150"), "category_percent.student");
        assertMessage(json.replace("\"03\":\"senior\"", "\"03\":\"pensioner\""), "card_types.03");
        assertMessage(json.replace("\"version\":3", "\"version\":\"3\""), "version");
        assertMessage(json.replace("farebox-flat-fare/1", "other/9"), "format");
        assertMessage(json.replace("\"default_fare_fen\":200", "\"default_fare_fen\":200000000"), "default_fare_fen");
    }

    private static void assertMessage(String json, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlatFareTable.parse(json));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
