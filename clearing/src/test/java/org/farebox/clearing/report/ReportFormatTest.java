package org.farebox.clearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.farebox.protocol.json.Json;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Report sample() {
        Report.Accumulator acc = new Report.Accumulator(ReportQuery.all(SHANGHAI));
        // 2025-03-01T16:30Z is already 2025-03-02 in Shanghai.
        long lateUtc = Instant.parse("2025-03-01T16:30:00Z").toEpochMilli();
        acc.add("T1", lateUtc, "PAID", "COMPLETE", 1, 200);
        acc.add("T1", lateUtc, "PAID", "MAC2_FAIL", 2, 150);
        acc.add("T1", lateUtc, "LOW_BALANCE", "NO_DEBIT", 1, 200);
        acc.add("T2", Instant.parse("2025-03-01T01:00:00Z").toEpochMilli(), "PAID", "DEBITED", 1, 5);
        return acc.build(7, 2);
    }

    @Test
    void daysAreCutInTheReportZoneAndOnlyMoneyStatesCountAsRevenue() {
        Report r = sample();

        assertEquals(LocalDate.parse("2025-03-02"), r.days().get(0).day());
        assertEquals(350, r.terminal("T1").revenueFen(), "LOW_BALANCE/NO_DEBIT carries an amount but moved no money");
        assertEquals(355, r.total().revenueFen());
        assertEquals(4, r.total().taps());
        assertEquals(3L, r.total().byCardType().get(1));
    }

    @Test
    void textShowsYuanPerTerminalDayAndTotal() {
        String text = ReportFormat.TEXT.render(sample());

        assertTrue(text.contains("T1               2025-03-02        3         3.50  LOW_BALANCE=1 PAID=2 | 1=2 2=1"),
                text);
        assertTrue(text.contains("TOTAL"), text);
        assertTrue(text.contains("duplicates dropped: 7"), text);
        assertEquals("-0.05", ReportFormat.yuan(-5));
        assertEquals("12.00", ReportFormat.yuan(1200));
    }

    @Test
    void jsonCarriesEveryCount() {
        Map<String, Object> json = Json.parseObject(ReportFormat.JSON.render(sample()));

        @SuppressWarnings("unchecked")
        Map<String, Object> t2 = (Map<String, Object>) ((Map<String, Object>) json.get("terminals")).get("T2");
        assertEquals(5L, t2.get("revenue_fen"));
        assertEquals(Map.of("DEBITED", 1L), t2.get("by_state"));
        assertEquals(2L, json.get("open_findings"));
        assertEquals("Asia/Shanghai", json.get("zone"));
    }
}
