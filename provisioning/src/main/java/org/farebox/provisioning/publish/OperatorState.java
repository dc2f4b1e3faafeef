package org.farebox.provisioning.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.farebox.provisioning.ProvisionException;

/**
 * The operator's side of versions, in {@code --state DIR}: the last version published per kind and per
 * terminal's commands, and the deny-list book. Files are replaced atomically.
 */
final class OperatorState {
    private final Path dir;

    OperatorState(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProvisionException("cannot create --state folder " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The last version published under {@code name} (0 if none). */
    long last(String name) {
        Path f = dir.resolve(name + ".version");
        try {
            return Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            throw new ProvisionException("cannot read " + f + " (" + e.getMessage() + "); fix it or remove it", e);
        }
    }

    void record(String name, long version) {
        write(dir.resolve(name + ".version"), (version + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    Optional<byte[]> read(String file) {
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ProvisionException("cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    void write(String file, byte[] data) {
        write(dir.resolve(file), data);
    }

    private static void write(Path target, byte[] data) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ProvisionException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
