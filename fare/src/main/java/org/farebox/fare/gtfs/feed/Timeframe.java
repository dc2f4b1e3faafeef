package org.farebox.fare.gtfs.feed;

/** timeframes.txt: a time window of a group on the days of a service; times in seconds after midnight, null = absent. */
public record Timeframe(Source src, String timeframeGroupId, Integer startSeconds, Integer endSeconds,
        String serviceId) {
    /** The window's start, 0 when the row has no times (the whole day). */
    public int from() {
        return startSeconds == null ? 0 : startSeconds;
    }

    /** The window's end (exclusive), 86,400 when the row has no times. */
    public int to() {
        return endSeconds == null ? 86_400 : endSeconds;
    }
}
