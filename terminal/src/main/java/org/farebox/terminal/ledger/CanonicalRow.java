package org.farebox.terminal.ledger;

import org.farebox.protocol.sync.RowHash;
import org.farebox.protocol.sync.TxnRow;

/**
 * A ledger row's canonical bytes and hash: the layout is {@link RowHash}'s, shared with the clearing
 * host, which recomputes every hash from the rows it receives.
 */
public final class CanonicalRow {

    public static final byte FORMAT_VERSION = RowHash.FORMAT_VERSION;
    /** prevHash of the first row of a terminal: 32 zero bytes in hex. */
    public static final String GENESIS_PREV_HASH = RowHash.GENESIS_PREV_HASH;

    private CanonicalRow() {
    }

    /** The canonical bytes of a row (its sequence and terminalId must already be final). */
    public static byte[] encode(TapRecord row) {
        return RowHash.encode(toWire(row));
    }

    /** SHA-256(prevHash bytes ‖ canonical(row)) as lowercase hex; the row's own hash fields are ignored. */
    public static String hash(String prevHashHex, TapRecord row) {
        return RowHash.hash(prevHashHex, toWire(row));
    }

    /** The row as it travels to the clearing host. */
    public static TxnRow toWire(TapRecord r) {
        return new TxnRow(r.sequence(), r.terminalId(), r.time().toEpochMilli(), r.cardSerial(), r.cardType(),
                r.riderCategory(), r.amountFen(), r.balanceBeforeFen(), r.balanceAfterFen(), r.cardCounter(),
                r.psamTerminalNo(), r.psamSerial(), r.tac(), r.mac2(), r.transactionType(), r.fareTableVersion(),
                r.route(), r.stop(), r.outcome().name(), r.state().name(), r.detail(), r.prevHash(), r.hash());
    }
}
