package org.farebox.fare.model;

/** A transfer rule's duration limit: positive seconds and what they span. */
public record DurationLimit(long seconds, DurationLimitType type) {
    public DurationLimit {
        if (seconds <= 0) {
            throw new IllegalArgumentException("duration_limit must be positive, got " + seconds);
        }
        java.util.Objects.requireNonNull(type, "duration_limit_type must not be null");
    }
}
