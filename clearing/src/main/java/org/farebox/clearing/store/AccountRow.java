package org.farebox.clearing.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored ledger row of an account medium (QR ride code): {@code card_type} is {@link #ACCOUNT_CARD_TYPE} and
 * {@code card_serial} holds the account id. Assumption until the QR issue defines the rows: {@code route} holds a
 * route_id, or the network_id where the terminal knows no route (a metro gate); {@code stop} holds the boarding
 * stop, or {@code FROM>TO} once the leg's exit is known.
 */
public record AccountRow(String accountId, String terminalId, long seq, Instant time, String route, String stop,
        String riderCategory, long amountFen, long fareVersion) {
    /** The card_type of account rows: a card's type is one byte (0..255), so 256 can only mean "no card". */
    public static final int ACCOUNT_CARD_TYPE = 0x100;

    public AccountRow {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(riderCategory, "riderCategory");
    }
}
