package org.farebox.fare.engine;

import java.time.Duration;
import java.util.Optional;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.farebox.fare.model.Network;
import org.farebox.fare.model.ServiceCalendar;
import org.farebox.fare.model.Timeframe;

/**
 * The facts of OpenTripPlanner's FareTestConstants/FareModelForTest, restated: products A and B cost
 * 5 EUR, TRANSFER_1 costs 1 EUR (amounts in cents here), networks A and B, leg groups LG-A and LG-B,
 * timeframes 12-14 and 15-17 (service s1) and all day (service s2), both services running on the day.
 */
final class OtpFixtures {
    static final long FIVE_EUR = 500;
    static final long ONE_EUR = 100;
    static final String A = "FP:A";
    static final String B = "FP:B";
    static final String TRANSFER_1 = "transfer:1";
    static final String LG_A = "LG-A";
    static final String LG_B = "LG-B";

    private OtpFixtures() {
    }

    /** A table builder with the shared products, networks, timeframes and calendars. */
    static FareTable.Builder base() {
        return FareTable.builder().zone(Scenario.ZONE).currency("EUR")
                .network(new Network("A", "network A")).network(new Network("B", "network B"))
                .fareProduct(FareProduct.of(A, FIVE_EUR, "EUR"))
                .fareProduct(FareProduct.of(B, FIVE_EUR, "EUR"))
                .fareProduct(FareProduct.of(TRANSFER_1, ONE_EUR, "EUR"))
                .timeframe(new Timeframe("twelve-to-two", 12 * 3600, 14 * 3600, "s1"))
                .timeframe(new Timeframe("three-to-five", 15 * 3600, 17 * 3600, "s1"))
                .timeframe(new Timeframe("all-day", 0, Timeframe.DAY_SECONDS, "s2"))
                .calendar(ServiceCalendar.everyDay("s1", Scenario.DAY, Scenario.DAY))
                .calendar(ServiceCalendar.everyDay("s2", Scenario.DAY, Scenario.DAY));
    }

    static FareLegRule rule(String group, String network, String product) {
        return FareLegRule.onNetwork(group, network, product);
    }

    static FareTransferRule transfer(String from, String to, String product, int count) {
        return new FareTransferRule(from, to, product, count, Optional.empty(),
                FareTransferType.FROM_LEG_PLUS_TRANSFER);
    }

    static FareTransferRule transfer(String from, String to, String product, int count, DurationLimitType type,
            Duration limit) {
        return new FareTransferRule(from, to, product, count,
                Optional.of(new DurationLimit(limit.getSeconds(), type)), FareTransferType.FROM_LEG_PLUS_TRANSFER);
    }
}
