package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FareTableQuoteTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "chengdu-like");
    private static final Path JOURNEY = Path.of("..", "examples", "quotes", "chengdu-like-adult-day.json");

    @TempDir
    Path dir;
    Path bundle;

    @BeforeEach
    void compile() {
        bundle = dir.resolve("rc.fbft");
        Cli.Run run = Cli.run("faretable", "compile", EXAMPLE.toString(), "-o", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentedExampleDayQuotesTwelveYuanWithTransferAndCap() {
        Cli.Run run = Cli.run("faretable", "quote", "--bundle", bundle.toString(), "--journey", JOURNEY.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> out = Json.parseObject(run.out().trim());
        assertEquals(1200L, out.get("total_fen"));
        List<Map<String, Object>> legs = (List<Map<String, Object>>) out.get("legs");
        assertEquals(List.of(200L, 200L, 600L, 200L, 0L), legs.stream().map(l -> l.get("amount_fen")).toList());
        assertEquals("bus>metro via bus_metro_transfer", legs.get(1).get("transfer"));
        assertEquals("metro", legs.get(3).get("rule"));
        assertEquals("metro_distance", legs.get(3).get("product"));
        assertEquals(List.of(Map.of("kind", "cap", "source", "daily_adult", "fen", 200L)), legs.get(3).get("adjustments"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void extensionsFromAnotherFolderReplaceTheBundlesOwn() throws Exception {
        Path none = dir.resolve("no-extensions");
        Files.createDirectories(none);
        Cli.Run run = Cli.run("faretable", "quote", "--bundle", bundle.toString(), "--journey", JOURNEY.toString(),
                "--extensions", none.toString());
        assertEquals(0, run.exitCode(), run.err());
        // 2 + 2 + 6 + 4 + 1: the same GTFS fares, no daily cap.
        assertEquals(1500L, Json.parseObject(run.out().trim()).get("total_fen"));
    }

    @Test
    void startStateCountsTowardTheCap() throws Exception {
        Path journey = dir.resolve("j.json");
        Files.writeString(journey, "{\"start_state\":{\"day\":\"2026-03-10\",\"day_total_fen\":1100},"
                + "\"legs\":[{\"route\":\"B101\",\"from_stop\":\"B_XIYUAN\",\"departure\":\"2026-03-10T20:00:00+08:00\"}]}");
        Cli.Run run = Cli.run("faretable", "quote", "--bundle", bundle.toString(), "--journey", journey.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"total_fen\":100,"), run.out());
    }

    @Test
    void badJourneysNameTheField() throws Exception {
        assertBad("{\"legs\":[{\"route\":\"B101\",\"from_stop\":\"B_XIYUAN\",\"departure\":\"2026-03-10T07:30\"}]}",
                "legs[0].departure: must be a time with offset");
        assertBad("{\"legs\":[{\"route\":\"B101\",\"from_stop\":\"B_XIYUAN\",\"departure\":\"2026-03-10T07:30:00+08:00\","
                + "\"colour\":\"red\"}]}", "legs[0].colour: unknown field");
        assertBad("{\"legs\":[{\"from_stop\":\"B_XIYUAN\",\"departure\":\"2026-03-10T07:30:00+08:00\"}]}",
                "legs[0].network: a leg needs a network or a route");
        assertBad("{\"legs\":[]}", "legs: must hold 1..1000 legs");
        assertBad("{\"legs\":[{\"route\":\"B101\",\"from_stop\":\"B_XIYUAN\",\"departure\":\"2026-03-10T09:00:00+08:00\"},"
                + "{\"route\":\"B101\",\"from_stop\":\"B_XIYUAN\",\"departure\":\"2026-03-10T08:00:00+08:00\"}]}",
                "legs[1].departure: before legs[0]'s");
        assertBad("{\"start_state\":{\"day_total_fen\":-5},\"legs\":[{\"route\":\"B101\",\"from_stop\":\"B_XIYUAN\","
                + "\"departure\":\"2026-03-10T09:00:00+08:00\"}]}", "start_state.day_total_fen: must be a whole number");
        assertBad("[1,2", "not valid JSON");
    }

    @Test
    void unknownRouteIsReportedAndExitsOne() throws Exception {
        Path journey = dir.resolve("j.json");
        Files.writeString(journey, "{\"legs\":[{\"route\":\"B999\",\"from_stop\":\"B_XIYUAN\","
                + "\"departure\":\"2026-03-10T07:30:00+08:00\"}]}");
        Cli.Run run = Cli.run("faretable", "quote", "--bundle", bundle.toString(), "--journey", journey.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("\"complete\":false"), run.out());
        assertTrue(run.out().contains("no fare rule matches this leg"), run.out());
    }

    @Test
    void brokenBundleAndHelp() throws Exception {
        Path broken = dir.resolve("broken.fbft");
        Files.write(broken, new byte[] {'F', 'B', 'F', 'T', 0, 1});
        Cli.Run run = Cli.run("faretable", "quote", "--bundle", broken.toString(), "--journey", JOURNEY.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("is not a valid fare bundle"), run.err());
        Cli.Run help = Cli.run("faretable", "quote", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--journey"), help.out());
    }

    private void assertBad(String json, String expected) throws Exception {
        Path journey = dir.resolve("bad.json");
        Files.writeString(journey, json);
        Cli.Run run = Cli.run("faretable", "quote", "--bundle", bundle.toString(), "--journey", journey.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains(expected), run.err());
    }
}
