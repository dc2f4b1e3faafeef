package org.farebox.terminal.deny;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.tinylog.Logger;

/**
 * The terminal's deny list: in memory for lookups in microseconds, on disk in the state folder so a restart
 * comes back at the same version. Lookups read one volatile reference to an immutable {@link DenyState} and
 * allocate nothing for a card that is not denied; changes (one writer at a time: the MQTT thread, the CLI)
 * build the next state aside, make it durable, then swap the reference, so a tap never sees half a list.
 *
 * <p>Versions: a signed list has the operator's version (1 and up) and takes deltas. Version 0 is the local
 * list, loaded from a technician's text file or empty at first start: it takes no delta, and any signed
 * snapshot replaces it.
 */
public final class DenyListStore implements DenyList, AutoCloseable {
    /** Delta log size below which the log is never compacted into a new snapshot. */
    static final long MIN_COMPACT_BYTES = 64 * 1024;

    /** What {@link #applySnapshot} did. */
    public enum SnapshotOutcome {
        /** The snapshot is now the list. */
        INSTALLED,
        /** The terminal already holds this version with these entries; nothing was written. */
        ALREADY_CURRENT,
        /** The terminal holds a newer signed version (snapshot plus deltas); the snapshot was not used. */
        OLDER_IGNORED
    }

    private final DenyListFiles files;
    private final Clock clock;
    private final Object writeLock = new Object();
    private volatile DenyState state;
    private long snapshotBytes;
    private boolean closed;

    private DenyListStore(DenyListFiles files, Clock clock, DenyState state, long snapshotBytes) {
        this.files = files;
        this.clock = clock;
        this.state = state;
        this.snapshotBytes = snapshotBytes;
    }

    /** Opens the deny list kept in {@code directory} (created if missing), with the system clock. */
    public static DenyListStore open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    /**
     * Opens the deny list kept in {@code directory}: the stored snapshot, then the logged deltas. Damaged
     * files are moved aside (logged as errors) and the list starts empty, to be refilled by the next signed
     * snapshot. Another process holding the folder, or a folder that cannot be used, throws IllegalStateException.
     */
    public static DenyListStore open(Path directory, Clock clock) {
        long t0 = System.nanoTime();
        DenyListFiles files;
        try {
            files = DenyListFiles.open(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the deny list in " + directory + ": " + e.getMessage(), e);
        }
        try {
            byte[] stored = files.readSnapshot();
            DenyState state = load(files, stored);
            DenyListStore store = new DenyListStore(files, clock, replay(files, state), stored == null ? 0 : stored.length);
            if (Files.exists(directory.resolve("denylist.db"))) {
                Logger.warn("{} is the SQLite deny list of earlier versions and is no longer read; the list now lives "
                        + "in {} (remove the old file once the terminal has its signed list)", directory.resolve(
                                "denylist.db"), directory.resolve(DenyListFiles.SNAPSHOT));
            }
            Logger.info("deny list {} open in {} ms: {}", directory, (System.nanoTime() - t0) / 1_000_000,
                    store.describe());
            return store;
        } catch (IOException | RuntimeException e) {
            files.close();
            throw new IllegalStateException("cannot open the deny list in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static DenyState load(DenyListFiles files, byte[] stored) throws IOException {
        if (stored == null) {
            return DenyState.empty();
        }
        try {
            StoredSnapshot s = StoredSnapshot.decode(stored);
            return DenyState.of(s.snapshot(), s.local(), s.notes());
        } catch (IOException e) {
            files.quarantine(e.getMessage());
            Logger.error("the deny list in {} could not be read ({}); starting EMPTY until the operator's next "
                    + "snapshot arrives", files.dir(), e.getMessage());
            return DenyState.empty();
        }
    }

    private static DenyState replay(DenyListFiles files, DenyState state) throws IOException {
        List<DenyListFiles.LoggedDelta> logged = files.readLog();
        for (DenyListFiles.LoggedDelta ld : logged) {
            if (!state.local && ld.delta().version() <= state.version) {
                continue; // applied before the snapshot was written (a compaction cut short before the log was emptied)
            }
            try {
                state = state.with(ld.delta());
            } catch (DenyListGapException e) {
                Logger.warn("deny list delta log {}: {}; the log is cut there", files.dir(), e.getMessage());
                files.truncateLog(ld.start());
                break;
            }
        }
        return state;
    }

    /** The version of the list: the operator's, or 0 for a local (or no) list. */
    public long version() {
        return state.version;
    }

    /** True for a local list (technician's file, or nothing yet): no delta applies until a signed snapshot. */
    public boolean isLocal() {
        return state.local;
    }

    /** When the operator issued the current version (for a local list: when it was loaded). */
    public Instant issuedAt() {
        return state.issuedAt;
    }

    @Override
    public Optional<String> reason(String cardSerial) {
        Objects.requireNonNull(cardSerial, "cardSerial");
        DenyState s = state;
        int code = s.cardCode(cardSerial);
        if (code == 0) {
            return Optional.empty();
        }
        String note = s.notes.isEmpty() ? null : s.notes.get(cardSerial);
        return Optional.of(note != null ? note : DenyReason.ofCode(code).text());
    }

    /** The coded reason the card is denied, or empty if it is not. */
    public Optional<DenyReason> cardReason(String cardSerial) {
        int code = state.cardCode(Objects.requireNonNull(cardSerial, "cardSerial"));
        return code == 0 ? Optional.empty() : Optional.of(DenyReason.ofCode(code));
    }

    @Override
    public Optional<DenyReason> accountReason(String account) {
        int code = state.accountCode(Objects.requireNonNull(account, "account"));
        return code == 0 ? Optional.empty() : Optional.of(DenyReason.ofCode(code));
    }

    @Override
    public long size() {
        return state.cardCount;
    }

    /** Number of denied accounts. */
    public long accountCount() {
        return state.accountCount;
    }

    /** The whole current list as a snapshot (a copy; for tools and tests). */
    public DenyListSnapshot snapshot() {
        return state.toSnapshot();
    }

    /**
     * Installs a signed snapshot unless the terminal already holds a newer signed version or this one. Version
     * 0 is refused with IllegalArgumentException (it means a local list); a failed write throws
     * UncheckedIOException and leaves the list as it was.
     */
    public SnapshotOutcome applySnapshot(DenyListSnapshot snapshot) {
        if (snapshot.version() == 0) {
            throw new IllegalArgumentException("deny list version 0 is the terminal's local list; a signed snapshot "
                    + "starts at version 1");
        }
        synchronized (writeLock) {
            ensureOpen();
            DenyState current = state;
            if (!current.local && snapshot.version() < current.version) {
                Logger.info("deny list snapshot v{} ignored: the terminal holds v{}", snapshot.version(), current.version);
                return SnapshotOutcome.OLDER_IGNORED;
            }
            if (!current.local && snapshot.version() == current.version) {
                if (current.sameEntries(snapshot)) {
                    return SnapshotOutcome.ALREADY_CURRENT;
                }
                Logger.warn("deny list v{}: the terminal's entries differ from the operator's snapshot of the same "
                        + "version; the snapshot replaces them", snapshot.version());
            }
            install(new StoredSnapshot(snapshot, false, Map.of()));
            return SnapshotOutcome.INSTALLED;
        }
    }

    /**
     * Applies a signed delta: durable in the log before any tap sees it. A delta whose base is not
     * {@link #version()}, or that contradicts the list, throws {@link DenyListGapException} and changes nothing;
     * a failed write throws UncheckedIOException and changes nothing.
     */
    public void applyDelta(DenyListDelta delta) throws DenyListGapException {
        synchronized (writeLock) {
            ensureOpen();
            DenyState next = state.with(delta);
            try {
                files.appendDelta(delta);
            } catch (IOException e) {
                throw new UncheckedIOException("writing deny list delta v" + delta.version() + " to " + files.dir()
                        + " failed; the list stays at v" + state.version, e);
            }
            state = next;
            Logger.info("deny list delta v{} applied: {} cards, {} accounts", delta.version(), next.cardCount,
                    next.accountCount);
            compactIfLogLarge();
        }
    }

    /**
     * Replaces the list with a technician's text file (format in {@link DenyListText}) as the local list
     * (version 0). A malformed line throws {@link DenyListFormatException} naming it, and the list stays as it was.
     *
     * @return the number of cards now denied
     */
    public int replaceFromFile(Path textFile) throws IOException {
        int count = replaceAll(DenyListText.parse(textFile));
        Logger.info("deny list replaced from {}: {} cards (local list, version 0)", textFile, count);
        return count;
    }

    /**
     * Replaces the list with a local one (serial → reason text, "" for none); a malformed entry throws
     * IllegalArgumentException and the list stays as it was. The same local list again writes nothing.
     *
     * @return the number of cards now denied
     */
    public int replaceAll(Map<String, String> entries) {
        StoredSnapshot local = LocalDenyList.of(entries, clock.instant());
        synchronized (writeLock) {
            ensureOpen();
            DenyState current = state;
            if (!(current.local && current.notes.equals(local.notes()) && current.sameEntries(local.snapshot()))) {
                install(local);
            }
            return local.snapshot().cards().size();
        }
    }

    private void install(StoredSnapshot stored) {
        DenyState next = DenyState.of(stored.snapshot(), stored.local(), stored.notes());
        byte[] bytes = stored.encode();
        try {
            files.writeSnapshot(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the deny list to " + files.dir() + " failed; the list stays at v"
                    + state.version, e);
        }
        snapshotBytes = bytes.length;
        state = next;
        Logger.info("deny list installed: {}", describe());
    }

    /** Folds the delta log into a new snapshot once reading it back would cost a good part of the snapshot's load. */
    private void compactIfLogLarge() {
        try {
            if (files.logSize() <= Math.max(MIN_COMPACT_BYTES, snapshotBytes / 4)) {
                return;
            }
            DenyState current = state;
            byte[] bytes = new StoredSnapshot(current.toSnapshot(), false, Map.of()).encode();
            files.writeSnapshot(bytes);
            snapshotBytes = bytes.length;
            Logger.info("deny list log compacted into snapshot v{}", current.version);
        } catch (IOException e) {
            Logger.warn("compacting the deny list log in {} failed (the log still holds every delta): {}", files.dir(),
                    e.getMessage());
        }
    }

    private String describe() {
        DenyState s = state;
        return (s.local ? "local list (version 0)" : "signed list v" + s.version + " issued " + s.issuedAt) + ", "
                + s.cardCount + " cards, " + s.accountCount + " accounts";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("deny list " + files.dir() + " is closed");
        }
    }

    /** Releases the files; lookups keep answering from memory. */
    @Override
    public void close() {
        synchronized (writeLock) {
            if (!closed) {
                closed = true;
                files.close();
            }
        }
    }
}
