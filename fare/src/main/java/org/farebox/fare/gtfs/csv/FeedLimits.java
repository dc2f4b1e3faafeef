package org.farebox.fare.gtfs.csv;

/**
 * Bounds on what the importer reads, checked before a file is loaded: a file larger than {@code maxFileBytes}
 * is refused unread, and a file with more than {@code maxRows} data rows is refused.
 */
public record FeedLimits(long maxFileBytes, int maxRows) {
    /** 256 MiB and 4 million rows a file: a full station matrix for 1,000 stops (1 M leg rules) fits. */
    public static final FeedLimits DEFAULT = new FeedLimits(256L << 20, 4_000_000);

    public FeedLimits {
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 16 || maxRows <= 0) {
            throw new IllegalArgumentException("limits must be positive and a file must fit one Java array");
        }
    }
}
