package org.farebox.terminal.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One final, immutable, hash-chained ledger row.
 *
 * <p>Unknown numbers are -1 and unknown strings "". In a draft (before {@link Ledger#append}) the
 * sequence is 0 and prevHash/hash are "": the ledger assigns them. {@code time} is kept to the
 * millisecond because that is what the ledger stores and hashes.
 */
public record TapRecord(long sequence, String terminalId, Instant time, String cardSerial, int cardType,
        String riderCategory, long amountFen, long balanceBeforeFen, long balanceAfterFen, int cardCounter,
        String psamTerminalNo, long psamSerial, String tac, String mac2, int transactionType, long fareTableVersion,
        String route, String stop, Outcome outcome, SettlementState state, String detail, String prevHash,
        String hash) {

    public TapRecord {
        Objects.requireNonNull(time, "time is required");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(state, "state is required");
        terminalId = known(terminalId, "terminalId");
        cardSerial = known(cardSerial, "cardSerial");
        riderCategory = known(riderCategory, "riderCategory");
        psamTerminalNo = known(psamTerminalNo, "psamTerminalNo");
        tac = known(tac, "tac");
        mac2 = known(mac2, "mac2");
        route = known(route, "route");
        stop = known(stop, "stop");
        detail = known(detail, "detail");
        prevHash = known(prevHash, "prevHash");
        hash = known(hash, "hash");
    }

    private static String known(String value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null (use \"\" when unknown)");
    }

    /** A builder for a draft row: numbers start at -1, strings at "", time/outcome/state must be set. */
    public static Builder draft() {
        return new Builder();
    }

    /** True before the ledger assigned sequence and hashes. */
    public boolean isDraft() {
        return sequence == 0 && prevHash.isEmpty() && hash.isEmpty();
    }

    /** Copy with the chain fields the ledger assigns. */
    TapRecord chained(String terminal, long newSequence, String newPrevHash, String newHash) {
        return new TapRecord(newSequence, terminal, time, cardSerial, cardType, riderCategory, amountFen,
                balanceBeforeFen, balanceAfterFen, cardCounter, psamTerminalNo, psamSerial, tac, mac2,
                transactionType, fareTableVersion, route, stop, outcome, state, detail, newPrevHash, newHash);
    }

    /** Fluent builder for draft rows; one setter per field, named after it. */
    public static final class Builder {
        private String terminalId = "";
        private Instant time;
        private String cardSerial = "";
        private int cardType = -1;
        private String riderCategory = "";
        private long amountFen = -1;
        private long balanceBeforeFen = -1;
        private long balanceAfterFen = -1;
        private int cardCounter = -1;
        private String psamTerminalNo = "";
        private long psamSerial = -1;
        private String tac = "";
        private String mac2 = "";
        private int transactionType = -1;
        private long fareTableVersion = -1;
        private String route = "";
        private String stop = "";
        private Outcome outcome;
        private SettlementState state;
        private String detail = "";

        private Builder() {
        }

        public Builder terminalId(String v) { terminalId = v; return this; }
        public Builder time(Instant v) { time = v; return this; }
        public Builder cardSerial(String v) { cardSerial = v; return this; }
        public Builder cardType(int v) { cardType = v; return this; }
        public Builder riderCategory(String v) { riderCategory = v; return this; }
        public Builder amountFen(long v) { amountFen = v; return this; }
        public Builder balanceBeforeFen(long v) { balanceBeforeFen = v; return this; }
        public Builder balanceAfterFen(long v) { balanceAfterFen = v; return this; }
        public Builder cardCounter(int v) { cardCounter = v; return this; }
        public Builder psamTerminalNo(String v) { psamTerminalNo = v; return this; }
        public Builder psamSerial(long v) { psamSerial = v; return this; }
        public Builder tac(String v) { tac = v; return this; }
        public Builder mac2(String v) { mac2 = v; return this; }
        public Builder transactionType(int v) { transactionType = v; return this; }
        public Builder fareTableVersion(long v) { fareTableVersion = v; return this; }
        public Builder route(String v) { route = v; return this; }
        public Builder stop(String v) { stop = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder state(SettlementState v) { state = v; return this; }
        public Builder detail(String v) { detail = v; return this; }

        /**
         * Copies the card, purse, PSAM and place fields of an intent; cardCounter takes the intent's
         * initCounter. Time, outcome, state, balanceAfter, tac and mac2 are left to the caller.
         */
        public Builder from(PurchaseIntent intent) {
            terminalId = intent.terminalId();
            cardSerial = intent.cardSerial();
            cardType = intent.cardType();
            riderCategory = intent.riderCategory();
            amountFen = intent.amountFen();
            balanceBeforeFen = intent.balanceBeforeFen();
            cardCounter = intent.initCounter();
            psamTerminalNo = intent.psamTerminalNo();
            psamSerial = intent.psamSerial();
            transactionType = intent.transactionType();
            fareTableVersion = intent.fareTableVersion();
            route = intent.route();
            stop = intent.stop();
            return this;
        }

        public TapRecord build() {
            return new TapRecord(0, terminalId, time, cardSerial, cardType, riderCategory, amountFen,
                    balanceBeforeFen, balanceAfterFen, cardCounter, psamTerminalNo, psamSerial, tac, mac2,
                    transactionType, fareTableVersion, route, stop, outcome, state, detail, "", "");
        }
    }
}
