package org.farebox.terminal.fare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.farebox.fare.gtfs.bundle.FareBundle;

/** Loads {@code fare.table}: a compiled GTFS-Fares bundle (starts with "FBFT") or the flat JSON table. */
public final class FarePolicies {
    private FarePolicies() {
    }

    /** The policy in {@code file}; a failure is an {@link IllegalArgumentException} naming the file and the fault. */
    public static FarePolicy load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read fare table " + file + ": " + e.getMessage(), e);
        }
        if (FareBundle.looksLikeBundle(bytes)) {
            try {
                return BundleFarePolicy.of(bytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fare bundle " + file + ": " + e.getMessage(), e);
            }
        }
        return FlatFarePolicy.load(file);
    }
}
