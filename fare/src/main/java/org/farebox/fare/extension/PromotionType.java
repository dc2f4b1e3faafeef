package org.farebox.fare.extension;

/** What a promotion does (column {@code promotion_type} of farebox_promotions.txt). */
public enum PromotionType {
    /** Takes {@code percent} off the running amount, the discount rounded half-up to the fen. */
    PERCENT_DISCOUNT("percent_discount"),
    /** Takes {@code amount} off, never below zero. */
    FIXED_DISCOUNT("fixed_discount"),
    /** The rider's first ride of the transport day costs nothing. */
    FIRST_RIDE_FREE("first_ride_free"),
    /** The first ride of the transport day is charged, and {@code amount} is paid back (an adjustment for the ledger). */
    FIRST_RIDE_CASHBACK("first_ride_cashback"),
    /** A paid ride (amount after caps above zero) earns {@code points}. */
    POINTS_EARN("points_earn"),
    /** Spends {@code points} for a discount of up to {@code amount} when the balance allows. */
    POINTS_REDEEM("points_redeem");

    private final String fileValue;

    PromotionType(String fileValue) {
        this.fileValue = fileValue;
    }

    public String fileValue() {
        return fileValue;
    }

    static PromotionType fromFile(String value) {
        for (PromotionType t : values()) {
            if (t.fileValue.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("promotion_type '" + value + "' is not one of percent_discount, "
                + "fixed_discount, first_ride_free, first_ride_cashback, points_earn, points_redeem");
    }
}
