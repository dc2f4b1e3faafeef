package org.farebox.protocol.sync;

import java.util.Objects;

/**
 * One ledger row as it travels to the clearing host: every field the row's hash covers, plus the
 * chain fields. Unknown numbers are -1 and unknown strings "", as in the terminal's ledger.
 * {@code outcome} and {@code state} are the names of the terminal's enum constants.
 */
public record TxnRow(long sequence, String terminalId, long timeMillis, String cardSerial, int cardType,
        String riderCategory, long amountFen, long balanceBeforeFen, long balanceAfterFen, int cardCounter,
        String psamTerminalNo, long psamSerial, String tac, String mac2, int transactionType, long fareTableVersion,
        String route, String stop, String outcome, String state, String detail, String prevHash, String hash) {

    public TxnRow {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(cardSerial, "cardSerial");
        Objects.requireNonNull(riderCategory, "riderCategory");
        Objects.requireNonNull(psamTerminalNo, "psamTerminalNo");
        Objects.requireNonNull(tac, "tac");
        Objects.requireNonNull(mac2, "mac2");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** True when {@code hash} is what {@link RowHash} computes from {@code prevHash} and the fields. */
    public boolean hashIsConsistent() {
        try {
            return RowHash.hash(prevHash, this).equals(hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
