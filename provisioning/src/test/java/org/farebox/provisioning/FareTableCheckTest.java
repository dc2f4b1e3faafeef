package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FareTableCheckTest {
    private static final String TABLE = "{\"format\": \"farebox-flat-fare/1\", \"version\": 7, \"currency\": \"CNY\","
            + " \"default_fare_fen\": 200, \"route_fares_fen\": {\"101\": 200, \"K2\": 300},"
            + " \"category_percent\": {\"adult\": 100, \"student\": 50, \"senior\": 0},"
            + " \"card_types\": {\"01\": \"adult\", \"02\": \"student\", \"03\": \"senior\"},"
            + " \"default_category\": \"adult\"}";

    @TempDir
    Path dir;

    private Cli.Run check(String json) throws Exception {
        Path file = dir.resolve("fares.json");
        Files.writeString(file, json);
        return Cli.run("faretable", "check", file.toString());
    }

    @Test
    void validTablePrintsVersionRoutesAndWhatEachCategoryPays() throws Exception {
        Cli.Run run = check(TABLE);
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("OK, version 7, currency CNY, default fare 2.00"), out);
        assertTrue(out.contains("student       50%"), out);
        assertTrue(out.contains("adult        100%  (default)"), out);
        assertTrue(out.contains("02 -> student"), out);
        // Columns are the categories in name order: adult, senior, student.
        assertTrue(out.matches("(?s).*\\n  K2 +3\\.00 +0\\.00 +1\\.50\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  101 +2\\.00 +0\\.00 +1\\.00\\n.*"), out);
    }

    @Test
    void percentOutOfRangeFailsNamingTheField() throws Exception {
        Cli.Run run = check(TABLE.replace("\"student\": 50", "\"student\": 150"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("category_percent.student must be 0..100"), run.err());
    }

    @Test
    void cardTypeNamingAnUnknownCategoryFailsNamingIt() throws Exception {
        Cli.Run run = check(TABLE.replace("\"03\": \"senior\"", "\"03\": \"elder\""));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("card_types.03"), run.err());
    }

    @Test
    void wrongFormatAndBrokenJsonAreInvalidNotCrashes() throws Exception {
        Cli.Run wrongFormat = check(TABLE.replace("farebox-flat-fare/1", "gtfs"));
        assertEquals(1, wrongFormat.exitCode());
        assertTrue(wrongFormat.err().contains("format must be"), wrongFormat.err());
        Cli.Run broken = check("{\"format\": ");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("is invalid"), broken.err());
    }

    @Test
    void missingFileFailsSayingSo() {
        Cli.Run run = Cli.run("faretable", "check", dir.resolve("none.json").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("does not exist"), run.err());
    }
}
