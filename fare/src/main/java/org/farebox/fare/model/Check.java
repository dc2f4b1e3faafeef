package org.farebox.fare.model;

import java.util.Objects;

/** Argument checks shared by the model's constructors. */
final class Check {
    private Check() {
    }

    /** A required identifier: not null, not blank. */
    static String id(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    /** An optional identifier: not null ("" means empty, as in GTFS). */
    static String optional(String value, String what) {
        return Objects.requireNonNull(value, what + " must not be null (use \"\" for empty)");
    }

    static String text(String value, String what) {
        return Objects.requireNonNull(value, what + " must not be null");
    }
}
