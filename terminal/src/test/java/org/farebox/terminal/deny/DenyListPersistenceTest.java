package org.farebox.terminal.deny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenyListPersistenceTest {
    @TempDir
    Path dir;

    private Path deltas() {
        return dir.resolve(DenyListFiles.DELTAS);
    }

    @Test
    void aRestartComesBackAtTheSameVersionWithTheSameEntries() throws DenyListGapException {
        ReferenceList ref = new ReferenceList(new Random(31), 10_000);
        DenyListSnapshot before;
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(100, 2_000, 50));
            for (int i = 0; i < 5; i++) {
                store.applyDelta(ref.change(40, 4));
            }
            before = store.snapshot();
        }
        try (DenyListStore store = DenyListStore.open(dir)) {
            assertEquals(105, store.version());
            assertFalse(store.isLocal());
            assertEquals(before, store.snapshot());
            DenyListStoreTest.assertMatches(ref, store);
            store.applyDelta(ref.change(10, 1));
            DenyListStoreTest.assertMatches(ref, store);
        }
    }

    @Test
    void aTornLastDeltaRecordIsCutOffAndTheListComesBackAtThePreviousVersion() throws Exception {
        ReferenceList ref = new ReferenceList(new Random(32), 10_000);
        List<DenyListDelta> deltas = new ArrayList<>();
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(1, 500, 10));
            for (int i = 0; i < 3; i++) {
                deltas.add(ref.change(20, 2));
                store.applyDelta(deltas.get(i));
            }
        }
        long full = Files.size(deltas());
        long lastRecord = 8 + deltas.get(2).encode().length;
        for (long cut : new long[] {3, lastRecord / 2, lastRecord - 1}) {
            try (FileChannel log = FileChannel.open(deltas(), StandardOpenOption.WRITE)) {
                log.truncate(full - cut);
            }
            try (DenyListStore store = DenyListStore.open(dir)) {
                assertEquals(3, store.version(), "v4's record was torn: cut " + cut + " bytes");
                assertEquals(full - lastRecord, Files.size(deltas()), "the torn tail is removed");
                store.applyDelta(deltas.get(2));
            }
            try (DenyListStore store = DenyListStore.open(dir)) {
                assertEquals(4, store.version());
                DenyListStoreTest.assertMatches(ref, store);
            }
            full = Files.size(deltas());
        }
    }

    @Test
    void aDeltaRecordWithABadCrcEndsTheLog() throws Exception {
        ReferenceList ref = new ReferenceList(new Random(33), 10_000);
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(1, 500, 10));
            store.applyDelta(ref.change(20, 2));
            store.applyDelta(ref.change(20, 2));
        }
        byte[] log = Files.readAllBytes(deltas());
        int second = 8 + java.nio.ByteBuffer.wrap(log).getInt(0);
        log[second + 20] ^= 0x40;
        Files.write(deltas(), log);
        try (DenyListStore store = DenyListStore.open(dir)) {
            assertEquals(2, store.version());
            assertEquals(second, Files.size(deltas()));
        }
    }

    @Test
    void manyDeltasAreCompactedIntoANewSnapshotAndStillComeBack() throws DenyListGapException {
        ReferenceList ref = new ReferenceList(new Random(34), 100_000);
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(1, 1_000, 0));
            for (int i = 0; i < 60; i++) {
                store.applyDelta(ref.change(200, 0));
            }
        }
        long logSize = deltas().toFile().length();
        assertTrue(logSize < DenyListStore.MIN_COMPACT_BYTES + 4_000, "the log was compacted: " + logSize + " bytes");
        try (DenyListStore store = DenyListStore.open(dir)) {
            assertEquals(61, store.version());
            DenyListStoreTest.assertMatches(ref, store);
        }
    }

    @Test
    void aDamagedSnapshotFileIsMovedAsideAndTheListStartsEmpty() throws IOException {
        ReferenceList ref = new ReferenceList(new Random(35), 10_000);
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(9, 100, 0));
        }
        Path snapshot = dir.resolve(DenyListFiles.SNAPSHOT);
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[40] ^= 1;
        Files.write(snapshot, bytes);
        try (DenyListStore store = DenyListStore.open(dir)) {
            assertEquals(0, store.version());
            assertTrue(store.isLocal());
            assertEquals(0, store.size());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(DenyListFiles.SNAPSHOT + ".corrupt-")),
                    "the damaged file is kept for a look, not deleted");
        }
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedWhileTheFirstHoldsIt() {
        try (DenyListStore first = DenyListStore.open(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DenyListStore.open(dir));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        DenyListStore.open(dir).close();
    }

    @Test
    void aSnapshotAfterDeltasEmptiesTheLog() throws Exception {
        ReferenceList ref = new ReferenceList(new Random(36), 10_000);
        try (DenyListStore store = DenyListStore.open(dir)) {
            store.applySnapshot(ref.fill(1, 100, 0));
            store.applyDelta(ref.change(10, 0));
            assertTrue(Files.size(deltas()) > 0);
            ref.change(10, 0);
            store.applySnapshot(ref.snapshot());
            assertEquals(0, Files.size(deltas()));
        }
        try (DenyListStore store = DenyListStore.open(dir)) {
            assertEquals(3, store.version());
            DenyListStoreTest.assertMatches(ref, store);
        }
    }
}
