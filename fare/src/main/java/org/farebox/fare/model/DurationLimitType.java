package org.farebox.fare.model;

/** fare_transfer_rules.duration_limit_type: which ends of the two legs the duration limit spans. */
public enum DurationLimitType {
    /** 0: departure of the current leg to arrival of the next. */
    DEPARTURE_TO_ARRIVAL(0),
    /** 1: departure of the current leg to departure of the next. */
    DEPARTURE_TO_DEPARTURE(1),
    /** 2: arrival of the current leg to departure of the next. */
    ARRIVAL_TO_DEPARTURE(2),
    /** 3: arrival of the current leg to arrival of the next. */
    ARRIVAL_TO_ARRIVAL(3);

    private final int code;

    DurationLimitType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean startsAtDeparture() {
        return this == DEPARTURE_TO_ARRIVAL || this == DEPARTURE_TO_DEPARTURE;
    }

    public boolean endsAtArrival() {
        return this == DEPARTURE_TO_ARRIVAL || this == ARRIVAL_TO_ARRIVAL;
    }

    public static DurationLimitType ofCode(int code) {
        for (DurationLimitType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("duration_limit_type must be 0..3, got " + code);
    }
}
