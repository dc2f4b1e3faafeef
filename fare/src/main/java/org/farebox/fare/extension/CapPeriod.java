package org.farebox.fare.extension;

/** The period a cap limits: the transport day, the week (from {@code week_start}), or the last 7 transport days. */
public enum CapPeriod {
    DAY("day"), WEEK("week"), ROLLING_7D("rolling_7d");

    private final String fileValue;

    CapPeriod(String fileValue) {
        this.fileValue = fileValue;
    }

    public String fileValue() {
        return fileValue;
    }

    static CapPeriod fromFile(String value) {
        for (CapPeriod p : values()) {
            if (p.fileValue.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("cap_period '" + value + "' is not one of day, week, rolling_7d");
    }
}
