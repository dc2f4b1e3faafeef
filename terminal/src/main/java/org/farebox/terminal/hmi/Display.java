package org.farebox.terminal.hmi;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing to show: the kind of message and the figures it needs. Amounts are fen. Fields a kind does not
 * use are 0 or "". Null texts become "".
 *
 * @param riderCategory for PAID: "adult", "student", "senior", "free" (any other name is shown upper-cased
 *                      and treated as a concession); blank means adult
 * @param detail        READY: the route label; CARD_REJECTED and OUT_OF_SERVICE: a short reason
 */
public record Display(DisplayKind kind, long fareFen, long balanceFen, String riderCategory, String detail) {

    public static final String ADULT = "adult";

    public Display {
        Objects.requireNonNull(kind, "display kind is required");
        if (fareFen < 0) {
            throw new IllegalArgumentException("fare must not be negative, got " + fareFen + " fen");
        }
        riderCategory = riderCategory == null ? "" : riderCategory.strip();
        detail = detail == null ? "" : detail.strip();
    }

    public static Display ready(String routeLabel) {
        return new Display(DisplayKind.READY, 0, 0, "", routeLabel);
    }

    public static Display paid(long fareFen, long balanceFen, String riderCategory) {
        return new Display(DisplayKind.PAID, fareFen, balanceFen, riderCategory, "");
    }

    public static Display lowBalance(long balanceFen, long fareFen) {
        return new Display(DisplayKind.LOW_BALANCE, fareFen, balanceFen, "", "");
    }

    public static Display cardBlocked() {
        return new Display(DisplayKind.CARD_BLOCKED, 0, 0, "", "");
    }

    public static Display cardExpired() {
        return new Display(DisplayKind.CARD_EXPIRED, 0, 0, "", "");
    }

    public static Display cardNotYetValid() {
        return new Display(DisplayKind.CARD_NOT_YET_VALID, 0, 0, "", "");
    }

    public static Display cardRejected(String reason) {
        return new Display(DisplayKind.CARD_REJECTED, 0, 0, "", reason);
    }

    public static Display tapAgain() {
        return new Display(DisplayKind.TAP_AGAIN, 0, 0, "", "");
    }

    public static Display outOfService(String reason) {
        return new Display(DisplayKind.OUT_OF_SERVICE, 0, 0, "", reason);
    }

    /** A paid ride at a category other than adult: the driver must see and hear the difference. */
    public boolean isConcession() {
        return kind == DisplayKind.PAID && !riderCategory.isEmpty() && !riderCategory.equalsIgnoreCase(ADULT);
    }

    /** The category as the driver reads it ("STUDENT"), or "ADULT". */
    public String categoryLabel() {
        return riderCategory.isEmpty() ? "ADULT" : riderCategory.toUpperCase(Locale.ROOT);
    }
}
