package org.farebox.terminal.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDenyListTest {

    private static final String LOST = "31040000000000000001";
    private static final String FRAUD = "31040000000000000002";
    private static final String PLAIN = "31040000000000000003";
    private static final String CLEAN = "31040000000000000009";

    @TempDir
    Path dir;

    @Test
    void fileWithReasonsCommentsAndBlankLinesLoads() throws IOException {
        Path text = write("# deny list v12\n\n" + LOST + ",lost card\n  " + FRAUD + " , fraud, reported twice \n"
                + PLAIN + "\r\n   # indented comment\n");
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
            assertEquals(3, list.replaceFromFile(text));
            assertEquals(Optional.of("lost card"), list.reason(LOST));
            assertEquals(Optional.of("fraud, reported twice"), list.reason(FRAUD));
            assertEquals(Optional.of(""), list.reason(PLAIN));
            assertTrue(list.isDenied(PLAIN));
            assertFalse(list.isDenied(CLEAN));
            assertEquals(Optional.empty(), list.reason(CLEAN));
            assertEquals(3, list.size());
        }
    }

    @Test
    void malformedLineAbortsTheLoadNamingItAndKeepsTheOldList() throws IOException {
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
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
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
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
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
            DenyListFormatException e = assertThrows(DenyListFormatException.class, () -> list.replaceFromFile(text));
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
            assertEquals(1, list.replaceFromFile(write("\uFEFF" + LOST + ",lost\n")));
            assertTrue(list.isDenied(LOST));
        }
    }

    @Test
    void replaceAllReplacesEverythingAndRefusesBadEntriesWholesale() {
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
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
    void listSurvivesReopen() {
        Path db = dir.resolve("deny.db");
        try (SqliteDenyList list = SqliteDenyList.open(db)) {
            list.replaceAll(Map.of(LOST, "lost"));
        }
        try (SqliteDenyList list = SqliteDenyList.open(db)) {
            assertEquals(Optional.of("lost"), list.reason(LOST));
            assertEquals(1, list.size());
        }
    }

    @Test
    void newerSchemaIsRefused() throws Exception {
        Path db = dir.resolve("deny.db");
        SqliteDenyList.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteDenyList.open(db));
        assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    }

    @Test
    void hundredThousandEntriesLoadAndAnswerByPrimaryKey() throws IOException {
        Random random = new Random(42);
        List<String> serials = new ArrayList<>();
        StringBuilder text = new StringBuilder("# big list\n");
        for (int i = 0; i < 100_000; i++) {
            String serial = String.format("3104%016d", i * 7L + random.nextInt(7));
            serials.add(serial);
            text.append(serial).append(i % 3 == 0 ? ",lost\n" : "\n");
        }
        Path file = write(text.toString());
        try (SqliteDenyList list = SqliteDenyList.open(dir.resolve("deny.db"))) {
            long t0 = System.nanoTime();
            assertEquals(100_000, list.replaceFromFile(file));
            long loaded = System.nanoTime();
            for (String serial : serials) {
                assertTrue(list.isDenied(serial));
            }
            assertFalse(list.isDenied(String.format("3104%016d", 7L * 100_000 + 1)));
            long looked = System.nanoTime();
            // a full table scan per lookup would take minutes; an index seek takes microseconds
            assertTrue(looked - loaded < 30_000_000_000L, "100k lookups took " + (looked - loaded) / 1_000_000 + " ms");
            System.out.printf("deny list: 100k load %d ms, 100k lookups %d ms%n", (loaded - t0) / 1_000_000,
                    (looked - loaded) / 1_000_000);
        }
    }

    private Path write(String content) throws IOException {
        Path text = Files.createTempFile(dir, "deny", ".txt");
        Files.writeString(text, content, StandardCharsets.UTF_8);
        return text;
    }
}
