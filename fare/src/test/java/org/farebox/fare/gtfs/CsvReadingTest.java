package org.farebox.fare.gtfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.farebox.fare.gtfs.csv.CsvFileReader;
import org.farebox.fare.gtfs.csv.CsvTable;
import org.farebox.fare.gtfs.csv.FeedLimits;
import org.farebox.fare.gtfs.csv.FileSchema;
import org.farebox.fare.gtfs.feed.FeedFiles;
import org.farebox.fare.gtfs.feed.FeedReader;
import org.farebox.fare.gtfs.feed.GtfsFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {
    private static final FileSchema AREAS = FeedFiles.AREAS;

    @TempDir
    Path dir;

    private CsvTable read(String text, Problems problems) {
        new TestFeed().with("areas.txt", text).write(dir);
        return new CsvFileReader(dir, FeedLimits.DEFAULT, problems).read(AREAS).orElseThrow();
    }

    @Test
    void bomAndCrlfAreHandled() {
        Problems problems = new Problems();
        CsvTable t = read("\uFEFFarea_id,area_name\r\nA1,Centre\r\nA2,Suburb\r\n", problems);
        assertEquals(List.of(), problems.all());
        assertEquals(2, t.rows().size());
        assertEquals("A1", t.rows().get(0).get("area_id"), "the BOM must not stick to the first column name");
        assertEquals("Suburb", t.rows().get(1).get("area_name"), "no CR left on the last field");
        assertEquals(3, t.rows().get(1).row());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        Problems problems = new Problems();
        CsvTable t = read("area_id,area_name\nA1,\"Centre, \"\"old\"\"\nTown\"\nA2,Suburb", problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        assertEquals("Centre, \"old\"\nTown", t.rows().get(0).get("area_name"));
        assertEquals(4, t.rows().get(1).row(), "row numbers are line numbers, counting the embedded break");
    }

    @Test
    void invalidUtf8IsRefusedNamingFileAndLine() {
        byte[] gbk = "area_id,area_name\nA1,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[gbk.length + 3];
        System.arraycopy(gbk, 0, bytes, 0, gbk.length);
        bytes[gbk.length] = (byte) 0xB3; // 成 in GBK: not UTF-8
        bytes[gbk.length + 1] = (byte) 0xC9;
        bytes[gbk.length + 2] = '\n';
        new TestFeed().withBytes("areas.txt", bytes).write(dir);
        Problems problems = new Problems();
        assertTrue(new CsvFileReader(dir, FeedLimits.DEFAULT, problems).read(AREAS).isEmpty());
        Problem p = problems.errors().get(0);
        assertEquals("areas.txt", p.file());
        assertEquals(2, p.row());
        assertTrue(p.message().contains("not valid UTF-8"), p.message());
    }

    @Test
    void unknownColumnIsANoteAndMissingRequiredColumnAnError() {
        Problems problems = new Problems();
        read("area_id,area_colour\nA1,red\n", problems);
        assertFalse(problems.hasErrors());
        assertTrue(problems.notes().get(0).toString().contains("areas.txt row 1: unknown column area_colour"),
                problems.all().toString());

        Problems missing = new Problems();
        new TestFeed().with("areas.txt", "area_name\nCentre\n").write(dir);
        assertTrue(new CsvFileReader(dir, FeedLimits.DEFAULT, missing).read(AREAS).isEmpty());
        assertTrue(missing.errors().get(0).toString().contains("areas.txt row 1: required column area_id is missing"),
                missing.all().toString());
    }

    @Test
    void raggedRowsAndUnclosedQuotesAreErrorsWithTheirRow() {
        Problems problems = new Problems();
        read("area_id,area_name\nA1,Centre,extra\nA2,Suburb\nA3,\"never closed\n", problems);
        List<String> errors = problems.errors().stream().map(Problem::toString).toList();
        assertTrue(errors.contains("areas.txt row 2: has 3 fields, the header has 2"), errors.toString());
        assertTrue(errors.contains("areas.txt row 4: a quoted field is never closed"), errors.toString());
    }

    @Test
    void twoGigabyteFileIsRefusedWithoutBeingRead() throws Exception {
        Path file = dir.resolve("stops.txt");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(2L << 30); // sparse: no disk used, and the reader must not try to load it
        }
        Problems problems = new Problems();
        GtfsFeed feed = new FeedReader().read(dir, problems);
        assertTrue(feed.stops().isEmpty());
        assertTrue(problems.errors().get(0).toString().startsWith("stops.txt: is 2147483648 bytes, more than the "
                + "limit"), problems.all().toString());
    }

    @Test
    void rowLimitRefusesAFileWithTooManyRows() {
        new TestFeed().with("areas.txt", "area_id\nA1\nA2\nA3\n").write(dir);
        Problems problems = new Problems();
        assertTrue(new CsvFileReader(dir, new FeedLimits(1 << 20, 2), problems).read(AREAS).isEmpty());
        assertTrue(problems.errors().get(0).message().contains("has 3 rows, more than the limit of 2"));
    }
}
