package org.farebox.fare.gtfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.farebox.fare.extension.CapPeriod;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.gtfs.bundle.BundleException;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionsInBundleTest {
    @TempDir
    Path dir;

    private static GtfsCompiler.Result compile(Path folder) {
        return new GtfsCompiler().compile(folder, new GtfsCompiler.Options(3, ZoneId.of("Asia/Shanghai")));
    }

    private static FareTable table(Path folder) {
        GtfsCompiler.Result r = compile(folder);
        assertEquals(List.of(), r.problems().errors());
        return r.table().orElseThrow();
    }

    private static TestFeed richFeed() {
        return TestFeed.valid()
                .with("farebox_settings.txt", "setting_name,setting_value\ntransport_day_start,04:30\nweek_start,sunday\n")
                .with("farebox_caps.txt", "cap_id,cap_period,amount,rider_category_id,network_id,fare_media_id\n"
                        + "day_all,day,12,,,\nday_child,day,6,child,,\nweek_all,week,50,,,card\n")
                .with("farebox_promotions.txt", "promotion_id,promotion_type,percent,amount,points,start_time,end_time,"
                        + "weekdays,dates,valid_from,valid_until,rider_category_id,network_id,route_id,fare_media_id,"
                        + "priority,stacking\n"
                        + "hol,percent_discount,12.5,,,07:00,09:30,1111100,20261001;20261002,20260101,20261231,"
                        + "adult,N1,R1,card,3,stack\n"
                        + "earn,points_earn,,,5,,,,,,,,,,,,\n"
                        + "redeem,points_redeem,,1.50,100,,,,,,,,N2,,,7,exclusive\n")
                .with("farebox_vouchers.txt", "voucher_id,face_value,validity_days,valid_from,valid_until,"
                        + "rider_category_id,network_id,route_id,fare_media_id,stacks_with_discounts\n"
                        + "v10,10,30,20260101,20261231,adult,N1,R1,card,1\nv5,5,,,,,,,,\n")
                .with("farebox_card_types.txt", "card_type,rider_category_id,card_type_name\n01,adult,Ordinary\n"
                        + "0a,child,Child card\n");
    }

    @Test
    void exampleNetworkCarriesCapsPromotionsSettingsAndCardTypes() {
        FareExtensions e = table(CompileAndBundleTest.EXAMPLE).extensions();
        assertEquals(LocalTime.of(4, 30), e.settings().transportDayStart());
        assertEquals(List.of("daily_adult", "daily_student"), e.caps().stream().map(c -> c.capId()).toList());
        assertEquals(1200, e.caps().get(0).amountFen());
        assertEquals(CapPeriod.DAY, e.caps().get(1).period());
        assertEquals("holiday_half", e.promotions().get(0).promotionId());
        assertEquals(Optional.of("adult"), e.cardTypes().riderCategory(0x01));
        assertEquals(Optional.of("student"), e.cardTypes().riderCategory(0x02));
        assertEquals(Optional.of("senior"), e.cardTypes().riderCategory(0x03));
        assertEquals(Optional.empty(), e.cardTypes().riderCategory(0x04));
    }

    @Test
    void everyExtensionFieldSurvivesTheBundle() {
        FareTable t = table(richFeed().write(dir));
        FareExtensions e = t.extensions();
        assertEquals(3, e.caps().size());
        assertEquals(3, e.promotions().size());
        assertEquals(2, e.vouchers().size());
        assertEquals(Optional.of("child"), e.cardTypes().riderCategory(0x0A));
        FareExtensions back = FareBundle.decode(FareBundle.encode(t)).table().extensions();
        assertEquals(e, back);
    }

    @Test
    void feedWithoutExtensionFilesGetsNone() {
        assertEquals(FareExtensions.NONE, table(TestFeed.valid().write(dir)).extensions());
        FareExtensions back = FareBundle.decode(FareBundle.encode(table(TestFeed.valid().write(dir))))
                .table().extensions();
        assertEquals(FareExtensions.NONE, back);
    }

    @Test
    void formatOneBundleStillDecodesWithoutExtensions() {
        FareTable t = table(TestFeed.valid().write(dir));
        byte[] v2 = FareBundle.encode(t);
        // NONE encodes as day start 0, week start 1 (Monday), then four empty counts: the last 6 bytes before the CRC.
        byte[] v1 = Arrays.copyOf(v2, v2.length - 4 - 6);
        assertEquals(2, v1[5]);
        v1[5] = 1;
        CRC32 crc = new CRC32();
        crc.update(v1);
        byte[] withCrc = Arrays.copyOf(v1, v1.length + 4);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            withCrc[v1.length + i] = (byte) (c >>> (24 - 8 * i));
        }
        FareBundle back = FareBundle.decode(withCrc);
        assertEquals(t.legRules(), back.table().legRules());
        assertEquals(FareExtensions.NONE, back.table().extensions());
    }

    @Test
    void unknownFormatVersionIsRefused() {
        byte[] b = FareBundle.encode(table(TestFeed.valid().write(dir)));
        b[5] = 3;
        BundleException e = assertThrows(BundleException.class, () -> FareBundle.decode(fixCrc(b)));
        assertTrue(e.getMessage().contains("format version 3"), e.getMessage());
    }

    @Test
    void unknownCardTypeCategoryIsRefusedByFile() {
        GtfsCompiler.Result r = compile(TestFeed.valid()
                .with("farebox_card_types.txt", "card_type,rider_category_id\n01,adult\n02,student\n").write(dir));
        assertTrue(r.table().isEmpty());
        assertTrue(r.problems().errors().stream().anyMatch(p -> p.file().equals("farebox_card_types.txt")
                && p.message().contains("card type 02") && p.message().contains("student")), r.problems().all().toString());
    }

    @Test
    void badAndDuplicateCardTypesAreReportedWithTheirRows() {
        GtfsCompiler.Result r = compile(TestFeed.valid()
                .with("farebox_card_types.txt", "card_type,rider_category_id\n01,adult\n1,child\n01,child\nzz,adult\n")
                .write(dir));
        assertTrue(r.table().isEmpty());
        List<Integer> rows = r.problems().errors().stream().filter(p -> p.file().equals("farebox_card_types.txt"))
                .map(p -> p.row()).toList();
        assertEquals(List.of(3, 4, 5), rows, r.problems().all().toString());
    }

    @Test
    void brokenCapFileRefusesTheFeedNamingFileAndRow() {
        GtfsCompiler.Result r = compile(TestFeed.valid()
                .with("farebox_caps.txt", "cap_id,cap_period,amount\nd,day,12\nw,fortnight,30\n").write(dir));
        assertFalse(r.table().isPresent());
        assertTrue(r.problems().errors().stream().anyMatch(p -> p.file().equals("farebox_caps.txt") && p.row() == 3
                && p.message().contains("fortnight")), r.problems().all().toString());
    }

    @Test
    void capOnAnUndefinedNetworkIsRefused() {
        GtfsCompiler.Result r = compile(TestFeed.valid()
                .with("farebox_caps.txt", "cap_id,cap_period,amount,network_id\nd,day,12,N9\n").write(dir));
        assertTrue(r.table().isEmpty());
        assertTrue(r.problems().errors().stream().anyMatch(p -> p.file().equals("farebox_caps.txt")
                && p.message().contains("N9")), r.problems().all().toString());
    }

    private static byte[] fixCrc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            b[b.length - 4 + i] = (byte) (c >>> (24 - 8 * i));
        }
        return b;
    }
}
