package org.farebox.fare.model;

/** fare_transfer_rules.fare_transfer_type: how the transfer product combines with the legs' fares. */
public enum FareTransferType {
    /** 0: A + AB (the next leg's own fare is replaced by the transfer product). */
    FROM_LEG_PLUS_TRANSFER(0),
    /** 1: A + AB + B (the transfer product is added to both legs' fares). */
    FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG(1),
    /** 2: AB (the transfer product replaces both legs' fares). */
    TRANSFER_ONLY(2);

    private final int code;

    FareTransferType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FareTransferType ofCode(int code) {
        for (FareTransferType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("fare_transfer_type must be 0..2, got " + code);
    }
}
