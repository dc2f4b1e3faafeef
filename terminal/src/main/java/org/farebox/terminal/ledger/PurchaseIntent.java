package org.farebox.terminal.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An open card purchase: written durably BEFORE the debit command is sent to the card.
 *
 * <p>{@code id} is 0 before insert; {@code expiresAt} is null unless UNCERTAIN; tac/mac2 are ""
 * until DEBITED; {@code dateTime} is the 14 BCD digits YYYYMMDDhhmmss used in the card commands;
 * {@code cardRandom} is 8 hex digits; {@code journeyImage} is the hex of the 0x1A record written with
 * the purchase, or "". Instants are kept to the millisecond, as stored.
 */
public record PurchaseIntent(long id, IntentState state, Instant createdAt, Instant expiresAt, String terminalId,
        String cardSerial, int cardType, String riderCategory, long amountFen, long balanceBeforeFen,
        int initCounter, int keyVersion, int algorithmId, int transactionType, String cardRandom,
        String psamTerminalNo, long psamSerial, String dateTime, long fareTableVersion, String route, String stop,
        String journeyImage, String tac, String mac2) {

    public PurchaseIntent {
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(createdAt, "createdAt is required");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        terminalId = known(terminalId, "terminalId");
        cardSerial = known(cardSerial, "cardSerial");
        riderCategory = known(riderCategory, "riderCategory");
        cardRandom = known(cardRandom, "cardRandom");
        psamTerminalNo = known(psamTerminalNo, "psamTerminalNo");
        dateTime = known(dateTime, "dateTime");
        route = known(route, "route");
        stop = known(stop, "stop");
        journeyImage = known(journeyImage, "journeyImage");
        tac = known(tac, "tac");
        mac2 = known(mac2, "mac2");
    }

    private static String known(String value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null (use \"\" when unknown)");
    }

    /** A builder for a new PENDING intent: numbers start at -1, strings at "", createdAt must be set. */
    public static Builder pending() {
        return new Builder();
    }

    PurchaseIntent withIdAndTerminal(long newId, String terminal) {
        return new PurchaseIntent(newId, state, createdAt, expiresAt, terminal, cardSerial, cardType, riderCategory,
                amountFen, balanceBeforeFen, initCounter, keyVersion, algorithmId, transactionType, cardRandom,
                psamTerminalNo, psamSerial, dateTime, fareTableVersion, route, stop, journeyImage, tac, mac2);
    }

    /** Fluent builder for a PENDING intent; one setter per field, named after it. */
    public static final class Builder {
        private Instant createdAt;
        private String terminalId = "";
        private String cardSerial = "";
        private int cardType = -1;
        private String riderCategory = "";
        private long amountFen = -1;
        private long balanceBeforeFen = -1;
        private int initCounter = -1;
        private int keyVersion = -1;
        private int algorithmId = -1;
        private int transactionType = -1;
        private String cardRandom = "";
        private String psamTerminalNo = "";
        private long psamSerial = -1;
        private String dateTime = "";
        private long fareTableVersion = -1;
        private String route = "";
        private String stop = "";
        private String journeyImage = "";

        private Builder() {
        }

        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder terminalId(String v) { terminalId = v; return this; }
        public Builder cardSerial(String v) { cardSerial = v; return this; }
        public Builder cardType(int v) { cardType = v; return this; }
        public Builder riderCategory(String v) { riderCategory = v; return this; }
        public Builder amountFen(long v) { amountFen = v; return this; }
        public Builder balanceBeforeFen(long v) { balanceBeforeFen = v; return this; }
        public Builder initCounter(int v) { initCounter = v; return this; }
        public Builder keyVersion(int v) { keyVersion = v; return this; }
        public Builder algorithmId(int v) { algorithmId = v; return this; }
        public Builder transactionType(int v) { transactionType = v; return this; }
        public Builder cardRandom(String v) { cardRandom = v; return this; }
        public Builder psamTerminalNo(String v) { psamTerminalNo = v; return this; }
        public Builder psamSerial(long v) { psamSerial = v; return this; }
        public Builder dateTime(String v) { dateTime = v; return this; }
        public Builder fareTableVersion(long v) { fareTableVersion = v; return this; }
        public Builder route(String v) { route = v; return this; }
        public Builder stop(String v) { stop = v; return this; }
        public Builder journeyImage(String v) { journeyImage = v; return this; }

        public PurchaseIntent build() {
            return new PurchaseIntent(0, IntentState.PENDING, createdAt, null, terminalId, cardSerial, cardType,
                    riderCategory, amountFen, balanceBeforeFen, initCounter, keyVersion, algorithmId,
                    transactionType, cardRandom, psamTerminalNo, psamSerial, dateTime, fareTableVersion, route,
                    stop, journeyImage, "", "");
        }
    }
}
