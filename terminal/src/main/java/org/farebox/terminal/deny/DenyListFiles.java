package org.farebox.terminal.deny;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListFormatException;
import org.tinylog.Logger;

/**
 * The deny list on disk, in the terminal's state folder: {@code denylist.snapshot} (a {@link StoredSnapshot},
 * replaced atomically: temporary file, fsync, rename, fsync of the folder) and {@code denylist.deltas}, the
 * deltas applied since, appended one record each: length (4) | CRC32 of the payload (4) | delta payload. A
 * torn last record (power cut mid-append) is cut off on load. {@code denylist.lock} keeps a second process
 * (the CLI while the daemon runs) from writing under the first.
 */
final class DenyListFiles implements AutoCloseable {
    static final String SNAPSHOT = "denylist.snapshot";
    static final String DELTAS = "denylist.deltas";
    static final String LOCK = "denylist.lock";
    private static final int RECORD_HEADER = 8;

    /** A delta read back from the log, with where its record ends. */
    record LoggedDelta(DenyListDelta delta, long start, long end) {
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel log;

    private DenyListFiles(Path dir, FileChannel lockChannel, FileLock lock, FileChannel log) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.log = log;
    }

    /** Takes the folder's lock; another holder makes this throw IllegalStateException naming the folder. */
    static DenyListFiles open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("the deny list in " + dir + " is in use by another process (the terminal "
                    + "daemon?); stop it first (systemctl stop farebox-terminal)");
        }
        try {
            FileChannel log = FileChannel.open(dir.resolve(DELTAS), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new DenyListFiles(dir, lockChannel, lock, log);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    /** The stored snapshot's bytes, or null if there is none yet. */
    byte[] readSnapshot() throws IOException {
        Path file = dir.resolve(SNAPSHOT);
        return Files.exists(file) ? Files.readAllBytes(file) : null;
    }

    /** Moves unreadable files aside (never deletes them) so the terminal can start with an empty list. */
    void quarantine(String why) throws IOException {
        String suffix = ".corrupt-" + System.currentTimeMillis();
        for (String name : new String[] {SNAPSHOT, DELTAS}) {
            Path file = dir.resolve(name);
            if (Files.exists(file) && Files.size(file) > 0) {
                Files.move(file, dir.resolve(name + suffix));
                Logger.error("deny list file {} moved to {}: {}", file, name + suffix, why);
            }
        }
        log.close();
        log = FileChannel.open(dir.resolve(DELTAS), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        log.truncate(0);
    }

    /** Replaces the snapshot file atomically and durably, then empties the delta log. */
    void writeSnapshot(byte[] stored) throws IOException {
        Path tmp = dir.resolve(SNAPSHOT + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(stored);
            while (b.hasRemaining()) {
                out.write(b);
            }
            out.force(true);
        }
        Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir();
        // Deltas older than the new snapshot are skipped on load anyway; emptying the log only saves the reading.
        log.truncate(0);
        log.force(true);
    }

    /** Appends one delta record and forces it to disk before returning. */
    void appendDelta(DenyListDelta delta) throws IOException {
        byte[] payload = delta.encode();
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + payload.length);
        record.putInt(payload.length).putInt((int) crc(payload, 0, payload.length)).put(payload).flip();
        long at = log.size();
        try {
            while (record.hasRemaining()) {
                log.write(record, at + record.position());
            }
            log.force(false);
        } catch (IOException e) {
            log.truncate(at);
            throw e;
        }
    }

    long logSize() throws IOException {
        return log.size();
    }

    /** Cuts the log at {@code offset}: what follows is torn or unusable. */
    void truncateLog(long offset) throws IOException {
        log.truncate(offset);
        log.force(true);
    }

    /**
     * The deltas of the log in order. A record that is short, fails its CRC or does not decode ends the log:
     * it is the torn tail of an append cut by a power loss, so it and anything after it are cut off (logged).
     */
    List<LoggedDelta> readLog() throws IOException {
        long size = log.size();
        if (size > Integer.MAX_VALUE) {
            throw new IOException(DELTAS + " is " + size + " bytes, larger than any log this software writes");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && log.read(all, all.position()) >= 0) {
            // read until full
        }
        byte[] bytes = all.array();
        List<LoggedDelta> deltas = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            String problem = null;
            DenyListDelta delta = null;
            if (bytes.length - pos < RECORD_HEADER) {
                problem = "a record header cut short";
            } else {
                int length = ByteBuffer.wrap(bytes, pos, 4).getInt();
                int crc = ByteBuffer.wrap(bytes, pos + 4, 4).getInt();
                if (length < 0 || length > bytes.length - pos - RECORD_HEADER) {
                    problem = "a record of " + length + " bytes cut short";
                } else if ((int) crc(bytes, pos + RECORD_HEADER, length) != crc) {
                    problem = "a record whose CRC32 does not match";
                } else {
                    try {
                        delta = DenyListDelta.decode(java.util.Arrays.copyOfRange(bytes, pos + RECORD_HEADER,
                                pos + RECORD_HEADER + length), Integer.MAX_VALUE);
                    } catch (DenyListFormatException e) {
                        problem = "a record that is not a delta (" + e.getMessage() + ")";
                    }
                }
                if (delta != null) {
                    deltas.add(new LoggedDelta(delta, pos, pos + RECORD_HEADER + length));
                    pos += RECORD_HEADER + length;
                    continue;
                }
            }
            Logger.warn("deny list delta log {}: {} at offset {}, {} bytes cut off (a write torn by a power loss)",
                    dir.resolve(DELTAS), problem, pos, bytes.length - pos);
            truncateLog(pos);
            break;
        }
        return deltas;
    }

    static long crc(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return crc.getValue();
    }

    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot open or sync a folder; the rename is then as durable as they make it.
            Logger.debug("fsync of folder {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            log.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the deny list files in " + dir, e);
        }
    }
}
