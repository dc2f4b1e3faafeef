package org.farebox.fare.gtfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small valid GTFS-Fares v2 feed as text, with per-test changes, written to a folder. */
final class TestFeed {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    static TestFeed valid() {
        TestFeed f = new TestFeed();
        f.with("stops.txt", "stop_id,stop_name\nS1,One\nS2,Two\nS3,Three\n");
        f.with("routes.txt", "route_id,route_type\nR1,3\nR2,1\n");
        f.with("networks.txt", "network_id,network_name\nN1,Bus\nN2,Metro\n");
        f.with("route_networks.txt", "network_id,route_id\nN1,R1\nN2,R2\n");
        f.with("areas.txt", "area_id,area_name\nA1,Centre\nA2,Suburb\n");
        f.with("stop_areas.txt", "area_id,stop_id\nA1,S1\nA2,S2\n");
        f.with("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,"
                + "end_date\nWK,1,1,1,1,1,0,0,20260101,20261231\n");
        f.with("calendar_dates.txt", "service_id,date,exception_type\nHOL,20261001,1\nWK,20261001,2\n");
        f.with("timeframes.txt", "timeframe_group_id,start_time,end_time,service_id\npeak,07:00:00,09:00:00,WK\n"
                + "peak,17:00:00,19:00:00,WK\n");
        f.with("rider_categories.txt", "rider_category_id,rider_category_name,is_default_fare_category\n"
                + "adult,Adult,1\nchild,Child,0\n");
        f.with("fare_media.txt", "fare_media_id,fare_media_name,fare_media_type\ncard,Card,2\n");
        f.with("fare_products.txt", "fare_product_id,fare_product_name,rider_category_id,fare_media_id,amount,"
                + "currency\nP1,Single,adult,card,2.00,CNY\nP1,Single,child,card,1.00,CNY\nT1,Transfer,,,-0.50,CNY\n");
        f.with("fare_leg_rules.txt", "leg_group_id,network_id,from_area_id,to_area_id,from_timeframe_group_id,"
                + "to_timeframe_group_id,fare_product_id,rule_priority\nG1,N1,A1,,peak,,P1,1\nG1,N1,,,,,P1,0\n"
                + "G2,N2,,,,,P1,0\n");
        f.with("fare_transfer_rules.txt", "from_leg_group_id,to_leg_group_id,transfer_count,duration_limit,"
                + "duration_limit_type,fare_transfer_type,fare_product_id\nG1,G1,-1,3600,1,1,T1\nG1,G2,,5400,1,1,T1\n");
        f.with("fare_leg_join_rules.txt", "from_network_id,to_network_id,from_stop_id,to_stop_id\nN2,N2,,\n");
        return f;
    }

    TestFeed with(String file, String text) {
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TestFeed withBytes(String file, byte[] bytes) {
        files.put(file, bytes);
        return this;
    }

    /** Appends data rows to a file. */
    TestFeed append(String file, String rows) {
        String text = new String(files.get(file), StandardCharsets.UTF_8);
        return with(file, text + rows);
    }

    TestFeed without(String file) {
        files.remove(file);
        return this;
    }

    Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
