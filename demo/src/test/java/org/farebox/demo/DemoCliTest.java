package org.farebox.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README promises what the demo ends with; this holds it to that on a shorter run. */
class DemoCliTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "SUMMARY taps=(\\d+) accepted=(\\d+) refused=(\\d+) revenue_fen=(\\d+) chain=(\\w+) balances=(\\w+)"
            + " delivered=(\\d+) duplicates_dropped=(\\d+) clearing=(\\w+)");
    private static final Pattern LEDGER_ROWS = Pattern.compile("ledger rows: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void shortDemoEndsWithAConsistentSummaryIncludingATornTap() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            status = new CommandLine(new DemoCli()).execute("--taps", "60", "--pace-ms", "50",
                    "--network", "../examples/chengdu-like", "--dir",
                    dir.resolve("run").toString());
        } finally {
            System.setOut(saved);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = text.strip().split("\n");
        Matcher m = SUMMARY.matcher(lines[lines.length - 1]);
        assertTrue(m.matches(), "last line is not the SUMMARY:\n" + text);
        assertEquals(0, status, text);
        assertEquals("60", m.group(1));
        assertEquals(60, Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)));
        assertEquals("ok", m.group(5));
        assertEquals("match", m.group(6));
        assertTrue(Long.parseLong(m.group(4)) > 0, "no revenue at all");
        Matcher rows = LEDGER_ROWS.matcher(text);
        assertTrue(rows.find(), text);
        assertEquals(rows.group(1), m.group(7), "every ledger row reached clearing");
        assertEquals("match", m.group(9), "clearing's totals equal the terminal's");
        assertTrue(text.contains("fare tables used: v1 ") && text.contains(", v2 "),
                "the fare table published mid-run was not used:\n" + text);
        assertTrue(text.contains("|TAP AGAIN"), "the torn tap at 25 was not shown:\n" + text);
        assertTrue(text.contains("|LOW BALANCE"), "the low-balance card (tap 10) was not shown");
        assertTrue(text.contains("|CARD BLOCKED"), "the denied card (tap 40) was not shown");
    }
}
