package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FareTableCompileTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "chengdu-like");

    @TempDir
    Path dir;

    @Test
    void exampleCompilesPrintsASummaryAndWritesADecodableBundle() throws Exception {
        Path out = dir.resolve("fares.fbft");
        Cli.Run run = Cli.run("faretable", "compile", EXAMPLE.toString(), "-o", out.toString(), "--version", "12",
                "--valid-from", "2026-10-01T04:30");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("OK, fare table version 12, zone Asia/Shanghai, currency CNY"), run.out());
        assertTrue(run.out().contains("stops 20, areas 0, networks 2, routes 5"), run.out());
        assertTrue(run.out().contains("bytes)"), run.out());
        FareBundle bundle = FareBundle.decode(Files.readAllBytes(out));
        assertEquals(12, bundle.table().version());
        assertEquals(Instant.parse("2026-09-30T20:30:00Z"), bundle.validFrom());
    }

    @Test
    void brokenFeedListsEveryProblemAndWritesNothing() throws Exception {
        Path feed = dir.resolve("feed");
        Files.createDirectories(feed);
        for (String name : new String[] {"stops.txt", "routes.txt", "fare_products.txt", "fare_leg_rules.txt"}) {
            Files.copy(EXAMPLE.resolve(name), feed.resolve(name));
        }
        Files.writeString(feed.resolve("fare_products.txt"), "\nbus_flat,Dup,,,2.001,CNY\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(feed.resolve("fare_transfer_rules.txt"), "from_leg_group_id,to_leg_group_id,"
                + "fare_transfer_type\nbus,bus,0\n");
        Path out = dir.resolve("fares.fbft");
        Cli.Run run = Cli.run("faretable", "compile", feed.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("fare_products.txt row 11: amount \"2.001\" has 3 decimals"), run.err());
        assertTrue(run.err().contains("fare_transfer_rules.txt row 2: transfer_count is required"), run.err());
        assertTrue(run.err().contains("fare_leg_rules.txt row 2: network_id metro is not defined"), run.err());
        assertTrue(run.err().contains("problems; nothing was written"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpAndBadZoneAreHandled() {
        Cli.Run help = Cli.run("faretable", "compile", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--timezone"), help.out());
        Cli.Run zone = Cli.run("faretable", "compile", EXAMPLE.toString(), "-o", dir.resolve("x").toString(),
                "--timezone", "Mars/Olympus");
        assertEquals(2, zone.exitCode());
        assertTrue(zone.err().contains("--timezone must be a zone"), zone.err());
    }
}
