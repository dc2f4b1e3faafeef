package org.farebox.fare.gtfs.bundle;

import java.nio.charset.StandardCharsets;

/** Constants of the bundle byte format, shared by writer and reader (see docs/fare-bundle.md). */
final class BundleFormat {
    static final byte[] MAGIC = "FBFT".getBytes(StandardCharsets.US_ASCII);
    /** What this build writes: 2 adds the extensions section. */
    static final int FORMAT_VERSION = 2;
    /** The oldest format this build still reads (no extensions section: {@code FareExtensions.NONE}). */
    static final int OLDEST_READABLE_VERSION = 1;
    static final int FLAG_RULE_PRIORITY_COLUMN = 1;
    /** magic 4, format 2, flags 2, table version 8, valid_from 8. */
    static final int HEADER_BYTES = 24;
    static final int CRC_BYTES = 4;
    static final int MAX_STRING_BYTES = 4096;

    private BundleFormat() {
    }
}
