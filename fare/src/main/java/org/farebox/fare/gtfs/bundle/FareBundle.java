package org.farebox.fare.gtfs.bundle;

import java.time.Instant;
import java.util.Objects;
import org.farebox.fare.model.FareTable;

/**
 * A compiled fare table as bytes for terminals (format "FBFT" version 2, docs/fare-bundle.md; version 1
 * is still read): the table with its extensions, its version and time zone (inside the table) and the instant from
 * which it is valid.
 */
public record FareBundle(FareTable table, Instant validFrom) {
    /** The largest bundle {@link #decode} accepts. */
    public static final int MAX_BYTES = 256 << 20;

    public FareBundle {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    /** Encodes the table, valid from the epoch (that is, as soon as a terminal activates it). */
    public static byte[] encode(FareTable table) {
        return new FareBundle(table, Instant.EPOCH).encode();
    }

    public byte[] encode() {
        return new BundleWriter().write(this);
    }

    /** Whether {@code bytes} start with the bundle magic "FBFT" (to tell a bundle from other fare table formats). */
    public static boolean looksLikeBundle(byte[] bytes) {
        return bytes != null && bytes.length >= 4 && bytes[0] == 'F' && bytes[1] == 'B' && bytes[2] == 'F'
                && bytes[3] == 'T';
    }

    /** Decodes and checks a bundle; anything wrong is a {@link BundleException} naming what and where. */
    public static FareBundle decode(byte[] bytes) {
        return new BundleReader(bytes).read();
    }
}
