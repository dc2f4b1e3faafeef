package org.farebox.terminal.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at seeded random moments and checks after each kill that
 * everything the child saw committed is there, the chain is whole, and no intent was lost or doubled.
 */
class LedgerCrashTest {

    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    private final Set<Long> committedTaps = new HashSet<>();
    private final Set<Long> recordedIntents = new HashSet<>();
    private final Map<Long, Long> resolvedIntents = new HashMap<>();

    @Test
    void sigkillAtRandomMomentsLosesNothingCommittedAndKeepsTheChainWhole() throws Exception {
        Path file = dir.resolve("ledger.db");
        Random random = new Random(20250301);
        for (int round = 0; round < ROUNDS; round++) {
            int killAfterLines = 1 + random.nextInt(60);
            runChildAndKill(file, random.nextLong(), killAfterLines, round);
            checkLedger(file, round);
        }
        assertTrue(committedTaps.size() > ROUNDS, "the children wrote taps: " + committedTaps.size());
        assertTrue(resolvedIntents.size() > ROUNDS / 2, "the children resolved intents: " + resolvedIntents.size());
    }

    private void runChildAndKill(Path file, long seed, int killAfterLines, int round) throws Exception {
        Path stderr = dir.resolve("child-" + round + ".err");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // quick-starting child: it lives a second at most
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtinylog.level=warn",
                "-cp", System.getProperty("java.class.path"),
                LedgerCrashChild.class.getName(), file.toString(), Long.toString(seed));
        builder.redirectError(stderr.toFile());
        Process child = builder.start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int facts = 0;
            String line;
            while (facts < killAfterLines && (line = lines.readLine()) != null) {
                facts += record(line);
            }
            assertTrue(child.isAlive(), "round " + round + ": the child stopped by itself: "
                    + Files.readString(stderr));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        } finally {
            child.destroyForcibly();
        }
        assertNotEquals(0, child.exitValue());
    }

    private int record(String line) {
        String[] f = line.split(" ");
        switch (f[0]) {
            case "@T" -> committedTaps.add(Long.parseLong(f[1]));
            case "@I" -> recordedIntents.add(Long.parseLong(f[1]));
            case "@R" -> {
                resolvedIntents.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
                committedTaps.add(Long.parseLong(f[2]));
            }
            default -> {
                return 0;
            }
        }
        return 1;
    }

    private void checkLedger(Path file, int round) {
        try (SqliteLedger ledger = SqliteLedger.open(file, LedgerFixtures.TERMINAL, LedgerOptions.defaults())) {
            String where = "after kill " + round + ": ";
            assertTrue(ledger.quarantineNotice().isEmpty(), where + "ledger was quarantined");
            ChainCheck check = ledger.verify();
            assertTrue(check.intact(), where + check.message());
            List<TapRecord> rows = ledger.rows(1, Integer.MAX_VALUE);
            assertEquals(ledger.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i + 1, rows.get(i).sequence(), where + "sequences are gap-free");
            }
            for (long sequence : committedTaps) {
                assertTrue(sequence <= rows.size(), where + "committed row " + sequence + " is missing");
            }
            Map<Long, Long> rowOfIntent = new HashMap<>();
            for (TapRecord row : rows) {
                if (row.detail().startsWith("intent=")) {
                    Long previous = rowOfIntent.put(Long.parseLong(row.detail().substring(7)), row.sequence());
                    assertEquals(null, previous, where + "intent resolved twice: " + row.detail());
                }
            }
            Set<Long> open = ledger.openIntents().stream().map(PurchaseIntent::id).collect(Collectors.toSet());
            for (long id : recordedIntents) {
                boolean isOpen = open.contains(id);
                boolean isRow = rowOfIntent.containsKey(id);
                assertTrue(isOpen ^ isRow, where + "intent " + id + " must be exactly one of open (" + isOpen
                        + ") or resolved into a row (" + isRow + ")");
            }
            resolvedIntents.forEach((id, sequence) -> {
                assertEquals(sequence, rowOfIntent.get(id), where + "intent " + id + " resolved into its row");
                assertFalse(open.contains(id), where + "resolved intent " + id + " is still open");
            });
        }
    }
}
