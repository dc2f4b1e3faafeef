package org.farebox.fare.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FareExtensionsParserTest {
    static final String SETTINGS = "setting_name,setting_value\ntransport_day_start,04:30\nweek_start,monday\n";
    static final String CAPS = """
            cap_id,cap_period,amount,rider_category_id,network_id,fare_media_id
            day_all,day,12.00,,,
            day_student,day,6,student,,
            week_all,week,60,,,
            metro_7d,rolling_7d,70.00,,metro,card
            """;
    static final String PROMOTIONS = """
            promotion_id,promotion_type,percent,amount,points,start_time,end_time,weekdays,dates,network_id,priority,stacking
            holiday,percent_discount,50,,,,,,20261001;20261002,,10,exclusive
            offpeak,percent_discount,15,,,10:00,16:00,1111100,,,5,stack
            metro_first,first_ride_free,,,,,,,,metro,1,
            earn,points_earn,,,10,,,,,,,
            redeem,points_redeem,,1.00,100,,,,,,0,stack
            """;
    static final String VOUCHERS = """
            voucher_id,face_value,validity_days,valid_until,network_id,stacks_with_discounts
            welcome,20,30,,,1
            bus_only,5.50,,20271231,bus,0
            """;

    private final FareExtensionsParser parser = new FareExtensionsParser();

    @Test
    void fullSetOfFilesParsesIntoImmutableRecords() throws Exception {
        FareExtensions ext = parser.parse(Map.of("farebox_settings.txt", SETTINGS, "farebox_caps.txt", CAPS,
                "farebox_promotions.txt", PROMOTIONS, "farebox_vouchers.txt", VOUCHERS));
        assertEquals(new FareSettings(LocalTime.of(4, 30), DayOfWeek.MONDAY), ext.settings());
        assertEquals(4, ext.caps().size());
        Cap student = ext.caps().get(1);
        assertEquals(new Cap("day_student", CapPeriod.DAY, 600, new Scope("student", null, null, null)), student);
        assertEquals(new Scope(null, "metro", null, "card"), ext.caps().get(3).scope());
        assertEquals(List.of("holiday", "offpeak", "metro_first", "earn", "redeem"),
                ext.promotions().stream().map(Promotion::promotionId).toList(), "priority descending, then id");
        Promotion offpeak = ext.promotions().get(1);
        assertEquals(1500, offpeak.percentBasisPoints());
        assertTrue(offpeak.stacks());
        assertEquals(36_000, offpeak.when().startSecond());
        assertEquals(57_600, offpeak.when().endSecond());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), offpeak.when().weekdays());
        assertEquals(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)),
                ext.promotions().get(0).when().dates());
        Promotion redeem = ext.promotions().get(4);
        assertEquals(100, redeem.amountFen());
        assertEquals(100, redeem.points());
        Voucher busOnly = ext.voucher("bus_only").orElseThrow();
        assertEquals(550, busOnly.faceValueFen());
        assertFalse(busOnly.stacks());
        assertEquals(LocalDate.of(2027, 12, 31), busOnly.validUntil());
        assertEquals(LocalDate.of(2026, 1, 30), ext.voucher("welcome").orElseThrow().expiryFor(LocalDate.of(2026, 1, 1)));
        assertThrows(UnsupportedOperationException.class, () -> ext.caps().add(student));
    }

    @Test
    void feedWithoutExtensionFilesGetsNone(@TempDir Path dir) throws Exception {
        FareExtensions ext = parser.parse(dir);
        assertEquals(FareExtensions.NONE, ext);
        assertSame(FareSettings.DEFAULT, ext.settings());
    }

    @Test
    void everyProblemIsReportedWithFileAndLine() {
        String caps = """
                cap_id,cap_period,amount
                a,day,12
                a,day,10
                b,monthly,5
                c,week,-3
                d,week,1.234
                """;
        String promotions = """
                promotion_id,promotion_type,percent,amount,start_time,end_time
                p1,percent_discount,,,,
                p2,fixed_discount,10,1,,
                p3,percent_discount,150,,,
                p4,fixed_discount,,1,22:00,02:00
                p5,fixed_discount,,1,10:00,
                p6,refund,,,,
                """;
        ExtensionFileException e = assertThrows(ExtensionFileException.class, () -> parser.parse(Map.of(
                "farebox_caps.txt", caps, "farebox_promotions.txt", promotions)));
        List<String> seen = e.problems().stream().map(p -> p.file() + ":" + p.line()).toList();
        assertEquals(List.of("farebox_caps.txt:3", "farebox_caps.txt:4", "farebox_caps.txt:5", "farebox_caps.txt:6",
                "farebox_promotions.txt:2", "farebox_promotions.txt:3", "farebox_promotions.txt:4",
                "farebox_promotions.txt:5", "farebox_promotions.txt:6", "farebox_promotions.txt:7"), seen);
        assertTrue(e.problems().get(0).message().contains("already used on line 2"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("monthly"), e.getMessage());
        assertTrue(e.problems().get(4).message().contains("percent is required"), e.getMessage());
        assertTrue(e.problems().get(5).message().contains("percent has no meaning"), e.getMessage());
        assertTrue(e.problems().get(7).message().contains("across midnight"), e.getMessage());
        assertTrue(e.getMessage().contains("farebox_caps.txt line 4"), e.getMessage());
    }

    @Test
    void unknownColumnIsRefusedRatherThanSilentlyWideningTheScope() {
        String caps = "cap_id,cap_period,amount,rider_catgory_id\nx,day,5,student\n";
        ExtensionFileException e = assertThrows(ExtensionFileException.class,
                () -> parser.parse(Map.of("farebox_caps.txt", caps)));
        assertEquals(new Problem("farebox_caps.txt", 1, "unknown column 'rider_catgory_id'"), e.problems().get(0));
    }

    @Test
    void missingRequiredColumnAndTooManyValuesAreNamed() {
        ExtensionFileException e = assertThrows(ExtensionFileException.class, () -> parser.parse(Map.of(
                "farebox_vouchers.txt", "voucher_id\nv\n",
                "farebox_caps.txt", "cap_id,cap_period,amount\nx,day,5,extra\n")));
        assertTrue(e.problems().contains(new Problem("farebox_vouchers.txt", 1, "required column 'face_value' is missing")));
        assertTrue(e.problems().contains(new Problem("farebox_caps.txt", 2, "4 values but the header has 3 columns")));
    }

    @Test
    void twoCapsForExactlyTheSameRidersAreRefused() {
        assertCapsRefused("all,day,10,,,\nagain,day,8,,,\n", "exactly the same riders");
    }

    @Test
    void capsForTheSameRidersOnDifferentNetworksAreRefused() {
        assertCapsRefused("all,day,10,,,\nmetro,day,8,student,metro,\n", "different networks");
    }

    @Test
    void overlappingCapsWhereNeitherIsNarrowerAreRefused() {
        assertCapsRefused("student,week,5,student,,\nqr,week,5,,,qr\n", "without one being narrower");
    }

    @Test
    void capsOfDifferentPeriodsOrDisjointRidersMayCoexist() throws Exception {
        String caps = "cap_id,cap_period,amount,rider_category_id,network_id,fare_media_id\n"
                + "day,day,10,,metro,\nweek,week,50,,bus,\nstudent,rolling_7d,5,student,metro,\n"
                + "senior,rolling_7d,5,senior,bus,\n";
        assertEquals(4, parser.parse(Map.of("farebox_caps.txt", caps)).caps().size());
    }

    private void assertCapsRefused(String rows, String expected) {
        String caps = "cap_id,cap_period,amount,rider_category_id,network_id,fare_media_id\n" + rows;
        ExtensionFileException e = assertThrows(ExtensionFileException.class,
                () -> parser.parse(Map.of("farebox_caps.txt", caps)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains(expected), e.getMessage());
    }

    @Test
    void nestedCapsOfOnePeriodAreAccepted() throws Exception {
        String caps = "cap_id,cap_period,amount,rider_category_id,fare_media_id\nall,day,10,,\nstudent,day,5,student,\n"
                + "student_card,day,4,student,card\n";
        assertEquals(3, parser.parse(Map.of("farebox_caps.txt", caps)).caps().size());
    }

    @Test
    void settingsFileRefusesUnknownAndDuplicateSettingsAndBadTimes() {
        String settings = "setting_name,setting_value\ntransport_day_start,4:30\nfoo,1\nweek_start,someday\n"
                + "week_start,monday\n";
        ExtensionFileException e = assertThrows(ExtensionFileException.class,
                () -> parser.parse(Map.of("farebox_settings.txt", settings)));
        assertEquals(List.of(2, 3, 4, 5), e.problems().stream().map(Problem::line).toList(), e.getMessage());
    }

    @Test
    void fileThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("farebox_caps.txt"), new byte[] {'c', 'a', (byte) 0xC3, (byte) 0x28, '\n'});
        ExtensionFileException e = assertThrows(ExtensionFileException.class, () -> parser.parse(dir));
        assertEquals(new Problem("farebox_caps.txt", 0, "the file is not valid UTF-8"), e.problems().get(0));
    }

    @Test
    void filesOnDiskWithBomQuotesAndCrlfAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("farebox_caps.txt"),
                "\uFEFFcap_id,cap_period,amount,cap_name\r\n\"d\",day,12,\"Daily, all \"\"riders\"\"\"\r\n");
        FareExtensions ext = parser.parse(dir);
        assertEquals(new Cap("d", CapPeriod.DAY, 1200, Scope.ALL), ext.caps().get(0));
    }

    @Test
    void unclosedQuoteIsAProblemNotACrash() {
        ExtensionFileException e = assertThrows(ExtensionFileException.class,
                () -> parser.parse(Map.of("farebox_caps.txt", "cap_id,cap_period,amount\n\"x,day,5\n")));
        assertEquals(new Problem("farebox_caps.txt", 2, "a quoted value is never closed"), e.problems().get(0));
    }

    @Test
    void unknownReferencesAreListedById() throws Exception {
        FareExtensions ext = parser.parse(Map.of("farebox_caps.txt", CAPS, "farebox_vouchers.txt", VOUCHERS));
        List<Problem> problems = ext.unknownReferences(Set.of("adult"), Set.of("metro"), Set.of(), Set.of("card"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("cap day_student: rider_category_id 'student'"));
        assertTrue(problems.get(1).message().contains("voucher bus_only: network_id 'bus'"));
    }
}
