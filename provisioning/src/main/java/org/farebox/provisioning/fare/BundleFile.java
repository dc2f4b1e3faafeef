package org.farebox.provisioning.fare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;

/** Writes a bundle complete or not at all (temp file, fsync, link or rename), like {@link OutputFile}. */
final class BundleFile {
    private BundleFile() {
    }

    static void write(Path path, byte[] bytes, boolean force) {
        OutputFile.checkWritable(path, force);
        Path target = path.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
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
                Files.createLink(target, tmp);
                Files.delete(tmp);
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new ProvisionException(path + " already exists; choose another file name, or add --force", e);
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
}
