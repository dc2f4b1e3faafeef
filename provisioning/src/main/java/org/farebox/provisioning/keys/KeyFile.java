package org.farebox.provisioning.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;

/** Reads a master key file for the commands that need one, and warns when others can read it. */
public final class KeyFile {
    private KeyFile() {
    }

    /** Parses {@code path}; a broken file is a {@link ProvisionException} naming the file and line. */
    public static MasterKeys load(Path path, PrintWriter warnings) {
        String text = OutputFile.read(path, "keys file");
        warnIfShared(path, warnings);
        try {
            return MasterKeys.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("keys file " + path + ": " + e.getMessage()
                    + " (make a fresh one with: farebox-provision keys generate -o FILE)", e);
        }
    }

    /** The key set of {@code keyIndex}, or an error listing the indexes the file has. */
    public static MasterKeys.KeySet keySet(MasterKeys keys, Path path, int keyIndex) {
        MasterKeys.KeySet set = keys.keySets().get(keyIndex);
        if (set == null) {
            StringBuilder have = new StringBuilder();
            for (int i : keys.keySets().keySet()) {
                have.append(have.length() == 0 ? "" : ", ").append(i);
            }
            throw new ProvisionException("keys file " + path + " has no keys for key index " + keyIndex
                    + "; it has key index " + have + " (use --key-index)");
        }
        return set;
    }

    private static void warnIfShared(Path path, PrintWriter warnings) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (!OutputFile.OWNER_ONLY.containsAll(mode)) {
                warnings.println("warning: keys file " + path + " is readable by others; run: chmod 600 " + path);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No POSIX permissions to check: nothing useful to say.
        }
    }
}
