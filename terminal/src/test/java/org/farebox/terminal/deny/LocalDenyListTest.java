package org.farebox.terminal.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The technician's text file as the local deny list (version 0). */
class LocalDenyListTest {

    private static final String LOST = "31040000000000000001";
    private static final String FRAUD = "31040000000000000002";
    private static final String PLAIN = "31040000000000000003";
    private static final String CLEAN = "31040000000000000009";

    @TempDir
    Path dir;

    private DenyListStore open() {
        return DenyListStore.open(dir.resolve("state"));
    }

    @Test
    void fileWithReasonsCommentsAndBlankLinesLoads() throws IOException {
        Path text = write("# deny list v12\n\n" + LOST + ",lost card\n  " + FRAUD + " , fraud, reported twice \n"
                + PLAIN + "\r\n   # indented comment\n");
        try (DenyListStore list = open()) {
            assertEquals(3, list.replaceFromFile(text));
            assertEquals(Optional.of("lost card"), list.reason(LOST), "free text is kept as the technician wrote it");
            assertEquals(Optional.of("fraud, reported twice"), list.reason(FRAUD));
            assertEquals(Optional.of("OPERATOR"), list.reason(PLAIN), "no reason given: the operator's");
            assertEquals(Optional.of(DenyReason.OPERATOR), list.cardReason(LOST));
            assertTrue(list.isDenied(PLAIN));
            assertFalse(list.isDenied(CLEAN));
            assertEquals(Optional.empty(), list.reason(CLEAN));
            assertEquals(3, list.size());
            assertEquals(0, list.version());
            assertTrue(list.isLocal());
        }
    }

    @Test
    void reasonNamingACodeBecomesThatCode() throws IOException {
        try (DenyListStore list = open()) {
            list.replaceFromFile(write(LOST + ",Stolen\n" + FRAUD + ",fraud\n"));
            assertEquals(Optional.of(DenyReason.STOLEN), list.cardReason(LOST));
            assertEquals(Optional.of("STOLEN"), list.reason(LOST));
            assertEquals(Optional.of(DenyReason.FRAUD), list.cardReason(FRAUD));
        }
    }

    @Test
    void malformedLineAbortsTheLoadNamingItAndKeepsTheOldList() throws IOException {
        try (DenyListStore list = open()) {
            list.replaceAll(Map.of(LOST, "lost"));
            Path text = write(FRAUD + "\n# ok so far\n3104000000000000000X,typo\n" + PLAIN + "\n");

            DenyListFormatException e = assertThrows(DenyListFormatException.class, () -> list.replaceFromFile(text));
            assertEquals(3, e.lineNumber());
            assertTrue(e.getMessage().startsWith("line 3: "), e.getMessage());
            assertTrue(e.getMessage().contains("20 decimal digits"), e.getMessage());
            assertTrue(list.isDenied(LOST));
            assertFalse(list.isDenied(FRAUD));
            assertEquals(1, list.size());
        }
    }

    @Test
    void shortSerialAndControlCharactersAreMalformed() throws IOException {
        try (DenyListStore list = open()) {
            assertEquals(1, assertThrows(DenyListFormatException.class,
                    () -> list.replaceFromFile(write("1234567890,short\n"))).lineNumber());
            assertEquals(2, assertThrows(DenyListFormatException.class,
                    () -> list.replaceFromFile(write(LOST + "\n" + FRAUD + ",bell\u0007\n"))).lineNumber());
            assertEquals(0, list.size());
        }
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path text = dir.resolve("deny.txt");
        Files.write(text, new byte[] {'#', (byte) 0xC3, (byte) 0x28, '\n'});
        try (DenyListStore list = open()) {
            DenyListFormatException e = assertThrows(DenyListFormatException.class, () -> list.replaceFromFile(text));
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        try (DenyListStore list = open()) {
            assertEquals(1, list.replaceFromFile(write("\uFEFF" + LOST + ",lost\n")));
            assertTrue(list.isDenied(LOST));
        }
    }

    @Test
    void replaceAllReplacesEverythingAndRefusesBadEntriesWholesale() {
        try (DenyListStore list = open()) {
            list.replaceAll(Map.of(LOST, "lost", FRAUD, "fraud"));
            assertEquals(1, list.replaceAll(Map.of(PLAIN, "")));
            assertFalse(list.isDenied(LOST));
            assertTrue(list.isDenied(PLAIN));

            assertThrows(IllegalArgumentException.class, () -> list.replaceAll(Map.of(LOST, "ok", "42", "bad")));
            assertTrue(list.isDenied(PLAIN));
            assertEquals(1, list.size());
        }
    }

    @Test
    void localListAndItsNotesSurviveReopen() {
        try (DenyListStore list = open()) {
            list.replaceAll(Map.of(LOST, "reported lost by driver 12", FRAUD, "fraud"));
        }
        try (DenyListStore list = open()) {
            assertEquals(Optional.of("reported lost by driver 12"), list.reason(LOST));
            assertEquals(Optional.of("FRAUD"), list.reason(FRAUD));
            assertEquals(2, list.size());
            assertTrue(list.isLocal());
        }
    }

    @Test
    void theSameLocalListAgainIsNotRewritten() {
        Clock moving = Clock.offset(Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
        try (DenyListStore list = DenyListStore.open(dir.resolve("state"), moving)) {
            list.replaceAll(Map.of(LOST, "lost"));
        }
        Clock later = Clock.offset(moving, Duration.ofHours(1));
        try (DenyListStore list = DenyListStore.open(dir.resolve("state"), later)) {
            list.replaceAll(Map.of(LOST, "lost"));
            assertEquals(Instant.parse("2026-11-22T08:00:00Z"), list.issuedAt(), "the stored list was kept as it was");
            list.replaceAll(Map.of(LOST, "stolen"));
            assertEquals(Instant.parse("2026-11-22T09:00:00Z"), list.issuedAt());
        }
    }

    @Test
    void aSignedSnapshotReplacesTheLocalListAndThenTheTextLoadReplacesItBack() {
        try (DenyListStore list = open()) {
            list.replaceAll(Map.of(LOST, "lost"));
            DenyListSnapshot signed = DenyListSnapshot.builder(4, Instant.EPOCH).card(FRAUD, DenyReason.FRAUD).build();
            assertEquals(DenyListStore.SnapshotOutcome.INSTALLED, list.applySnapshot(signed));
            assertFalse(list.isLocal());
            assertFalse(list.isDenied(LOST));
            list.replaceAll(Map.of(PLAIN, ""));
            assertTrue(list.isLocal());
            assertEquals(0, list.version());
            assertEquals(DenyListStore.SnapshotOutcome.INSTALLED, list.applySnapshot(signed),
                    "any signed snapshot, even an older one, replaces a local list");
        }
    }

    private Path write(String content) throws IOException {
        Path text = Files.createTempFile(dir, "deny", ".txt");
        Files.writeString(text, content, StandardCharsets.UTF_8);
        return text;
    }
}
