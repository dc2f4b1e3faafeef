package org.farebox.fare.gtfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.farebox.fare.gtfs.bundle.BundleException;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.farebox.fare.model.ServiceCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileAndBundleTest {
    static final Path EXAMPLE = Path.of("..", "examples", "chengdu-like");

    @TempDir
    Path dir;

    private static FareTable compile(Path folder) {
        GtfsCompiler.Result r = new GtfsCompiler().compile(folder,
                new GtfsCompiler.Options(7, ZoneId.of("Asia/Shanghai")));
        assertEquals(List.of(), r.problems().errors(), "the feed should compile");
        return r.table().orElseThrow();
    }

    @Test
    void compiledTableCarriesRulesPriorityFlagTransfersAndCalendars() {
        FareTable t = compile(TestFeed.valid().write(dir));
        assertEquals(7, t.version());
        assertTrue(t.rulePriorityColumnPresent());
        assertEquals(new FareLegRule("G1", "N1", "A1", "", "peak", "", "P1", 1), t.legRules().get(0));
        assertEquals(-50, t.fareProducts().get(2).amountFen());
        assertEquals(new FareTransferRule("G1", "G1", "T1", -1,
                Optional.of(new DurationLimit(3600, DurationLimitType.DEPARTURE_TO_DEPARTURE)),
                FareTransferType.FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG), t.transferRules().get(0));
        assertEquals(FareTransferRule.NO_COUNT, t.transferRules().get(1).transferCount());
        assertEquals(Optional.of("N2"), t.networkOfRoute("R2"));
        ServiceCalendar wk = t.calendars().stream().filter(c -> c.serviceId().equals("WK")).findFirst().orElseThrow();
        assertTrue(wk.activeOn(LocalDate.of(2026, 9, 30)));
        assertFalse(wk.activeOn(LocalDate.of(2026, 10, 1)), "removed by calendar_dates");
        assertFalse(wk.weekdays().contains(DayOfWeek.SATURDAY));
        ServiceCalendar hol = t.calendars().stream().filter(c -> c.serviceId().equals("HOL")).findFirst().orElseThrow();
        assertTrue(hol.activeOn(LocalDate.of(2026, 10, 1)));
        assertFalse(hol.activeOn(LocalDate.of(2026, 10, 2)));
        assertEquals(7 * 3600, t.timeframes().get(0).startSecond());
    }

    @Test
    void brokenFeedYieldsNoTable() {
        GtfsCompiler.Result r = new GtfsCompiler().compile(
                TestFeed.valid().append("stops.txt", "S1,dup\n").write(dir), GtfsCompiler.Options.defaults());
        assertTrue(r.table().isEmpty());
        assertTrue(r.problems().hasErrors());
    }

    @Test
    void exampleNetworkCompilesWithDistancesAndBands() {
        FareTable t = compile(EXAMPLE);
        assertEquals(12, t.distanceFares().matrices().get(0).stationIds().size());
        // Beihu to Nanhu along line 1: 2.9 + 2.2 + 4.3 + 1.9 + 3.9 + 5.0 km.
        assertEquals(OptionalInt.of(20_200), t.distanceFares().matrices().get(0).metresBetween("M_BEIHU", "M_NANHU"));
        // Xiyuan to Beihu changes at Guangchang: 3.5 + 4.0 + 4.3 + 2.2 + 2.9 km.
        assertEquals(OptionalInt.of(16_900), t.distanceFares().matrices().get(0).metresBetween("M_XIYUAN", "M_BEIHU"));
        DistanceFare adult = t.distanceFares().fare("metro_distance", "adult").orElseThrow();
        assertEquals(OptionalLong.of(200), adult.amountFor(4000));
        assertEquals(OptionalLong.of(300), adult.amountFor(4001));
        assertEquals(OptionalLong.of(600), adult.amountFor(20_200));
        assertEquals(700, adult.maximumFen());
        assertEquals(0, t.distanceFares().fare("metro_distance", "senior").orElseThrow().maximumFen());
        assertEquals(3, t.riderCategories().size());
        assertEquals("adult", t.index().defaultRiderCategoryId());
    }

    @Test
    void bundleRoundTripGivesTheSameTable() {
        FareTable t = compile(EXAMPLE);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        byte[] bytes = new FareBundle(t, from).encode();
        FareBundle back = FareBundle.decode(bytes);
        assertEquals(from, back.validFrom());
        FareTable d = back.table();
        assertEquals(t.version(), d.version());
        assertEquals(t.zone(), d.zone());
        assertEquals(t.currency(), d.currency());
        assertEquals(t.rulePriorityColumnPresent(), d.rulePriorityColumnPresent());
        assertEquals(t.networks(), d.networks());
        assertEquals(t.routes(), d.routes());
        assertEquals(t.stops(), d.stops());
        assertEquals(t.areas(), d.areas());
        assertEquals(t.stopAreas(), d.stopAreas());
        assertEquals(t.riderCategories(), d.riderCategories());
        assertEquals(t.fareMedia(), d.fareMedia());
        assertEquals(t.fareProducts(), d.fareProducts());
        assertEquals(t.legRules(), d.legRules());
        assertEquals(t.joinRules(), d.joinRules());
        assertEquals(t.transferRules(), d.transferRules());
        assertEquals(t.timeframes(), d.timeframes());
        assertEquals(t.calendars(), d.calendars());
        assertEquals(t.distanceFares().fares(), d.distanceFares().fares());
        assertEquals(t.distanceFares().matrices().get(0).stationIds(), d.distanceFares().matrices().get(0).stationIds());
        assertEquals(OptionalInt.of(16_900), d.distanceFares().matrices().get(0).metresBetween("M_XIYUAN", "M_BEIHU"));
        assertArrayEquals(bytes, new FareBundle(d, from).encode(), "re-encoding the decoded table is byte-identical");
    }

    @Test
    void fixtureWithTimeframesAndJoinRulesRoundTrips() {
        FareTable t = compile(TestFeed.valid().write(dir));
        byte[] bytes = FareBundle.encode(t);
        FareTable d = FareBundle.decode(bytes).table();
        assertEquals(t.timeframes(), d.timeframes());
        assertEquals(t.joinRules(), d.joinRules());
        assertEquals(t.calendars(), d.calendars());
        assertArrayEquals(bytes, FareBundle.encode(d));
    }

    @Test
    void damagedBundlesAreRefusedWithAReason() {
        byte[] good = FareBundle.encode(compile(EXAMPLE));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x01;
        assertTrue(assertThrows(BundleException.class, () -> FareBundle.decode(flipped)).getMessage()
                .contains("CRC-32 mismatch"));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 10);
        assertThrows(BundleException.class, () -> FareBundle.decode(truncated));
        byte[] notOurs = good.clone();
        notOurs[0] = 'X';
        assertTrue(assertThrows(BundleException.class, () -> FareBundle.decode(notOurs)).getMessage()
                .contains("magic"));
        assertThrows(BundleException.class, () -> FareBundle.decode(new byte[3]));
    }

    @Test
    void randomBytesWithAValidCrcNeverEscapeAsAnotherException() {
        byte[] good = FareBundle.encode(compile(EXAMPLE));
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bad = good.clone();
            int at = 8 + random.nextInt(bad.length - 12);
            bad[at] = (byte) random.nextInt(256);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bad, 0, bad.length - 4);
            long v = crc.getValue();
            for (int k = 0; k < 4; k++) {
                bad[bad.length - 4 + k] = (byte) (v >>> (24 - 8 * k));
            }
            try {
                FareBundle.decode(bad);
            } catch (BundleException expected) {
                // refused with a reason: fine
            }
        }
    }
}
