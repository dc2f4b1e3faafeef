package org.farebox.provisioning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the files the CLI produces: never over an existing file unless asked, complete or not at all
 * (temp file, fsync, rename), and secrets with POSIX mode 0600 from the first byte.
 */
public final class OutputFile {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OutputFile() {
    }

    /** Fails with a message naming --force when {@code path} exists and {@code force} is not set. */
    public static void checkWritable(Path path, boolean force) {
        if (Files.exists(path) && !force) {
            throw new ProvisionException(path + " already exists; choose another file name, or add --force to replace it");
        }
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ProvisionException("folder " + dir + " does not exist; create it first (mkdir -p " + dir + ")");
        }
        if (Files.isDirectory(path)) {
            throw new ProvisionException(path + " is a folder; give a file name");
        }
    }

    /** Writes a secret with mode 0600 (set at creation, so it is never readable by others). */
    public static void writeSecret(Path path, String text, boolean force) {
        write(path, text, force, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }

    /** Writes bytes (a compiled bundle, say) complete or not at all, with the default permissions. */
    public static void writeBytes(Path path, byte[] bytes, boolean force) {
        write(path, bytes, force, null);
    }

    /** Writes text with the process's default permissions. */
    public static void write(Path path, String text, boolean force) {
        write(path, text, force, null);
    }

    private static void write(Path path, String text, boolean force, FileAttribute<Set<PosixFilePermission>> mode) {
        write(path, text.getBytes(StandardCharsets.UTF_8), force, mode);
    }

    private static void write(Path path, byte[] bytes, boolean force, FileAttribute<Set<PosixFilePermission>> mode) {
        checkWritable(path, force);
        Path target = path.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = mode == null ? Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp")
                    : Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp", mode);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (force) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails if the name appeared meanwhile, where a rename would silently replace it.
                Files.createLink(target, tmp);
                Files.delete(tmp);
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new ProvisionException(path + " already exists; choose another file name, or add --force to replace it", e);
        } catch (AccessDeniedException e) {
            throw new ProvisionException("cannot write " + path + ": permission denied on " + e.getFile()
                    + "; choose a folder you can write to", e);
        } catch (UnsupportedOperationException e) {
            throw new ProvisionException("cannot write " + path + " with mode 0600: the file system has no POSIX "
                    + "permissions; write it to a Linux file system", e);
        } catch (IOException e) {
            throw new ProvisionException("cannot write " + path + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temp file is harmless; the error above is what the operator needs.
                }
            }
        }
    }

    /** Reads a whole text file, with a message that names the file and the option it came from. */
    public static String read(Path path, String what) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProvisionException(what + " " + path + " does not exist; check the path");
        } catch (IOException e) {
            throw new ProvisionException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
    }
}
