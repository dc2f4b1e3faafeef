package org.farebox.terminal.hmi;

/** The messages a terminal can show; each has its own LCD text and LED/buzzer pattern. */
public enum DisplayKind {
    READY, PAID, LOW_BALANCE, CARD_BLOCKED, CARD_EXPIRED, CARD_NOT_YET_VALID, CARD_REJECTED, TAP_AGAIN, OUT_OF_SERVICE;

    /** True for the answers that refuse a ride: red LED and one long beep. */
    public boolean isRefusal() {
        return switch (this) {
            case LOW_BALANCE, CARD_BLOCKED, CARD_EXPIRED, CARD_NOT_YET_VALID, CARD_REJECTED -> true;
            default -> false;
        };
    }
}
