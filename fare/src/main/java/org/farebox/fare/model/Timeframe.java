package org.farebox.fare.model;

/**
 * One row of timeframes.txt: a time-of-day window [start, end) in seconds of the local day (0..86400) on
 * the days of a service calendar. An empty service id ("") is a Farebox leniency meaning every day.
 */
public record Timeframe(String groupId, int startSecond, int endSecond, String serviceId) {
    public static final int DAY_SECONDS = 24 * 3600;

    public Timeframe {
        Check.id(groupId, "timeframe_group_id");
        Check.optional(serviceId, "service_id");
        if (startSecond < 0 || endSecond > DAY_SECONDS || startSecond >= endSecond) {
            throw new IllegalArgumentException("timeframe " + groupId + " needs 0 <= start < end <= 24:00:00, got "
                    + startSecond + ".." + endSecond);
        }
    }

    /** The whole day on every day. */
    public static Timeframe allDay(String groupId) {
        return new Timeframe(groupId, 0, DAY_SECONDS, "");
    }

    public boolean containsSecondOfDay(int second) {
        return second >= startSecond && second < endSecond;
    }
}
