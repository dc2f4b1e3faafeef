package org.farebox.terminal.ledger;

/**
 * Result of walking the hash chain: {@code rows} counts the rows found sound (all of them when
 * intact); {@code firstBrokenSequence} is -1 when intact, else the first sequence at which the chain
 * breaks (for a gap: the first missing sequence); {@code message} says what is wrong.
 */
public record ChainCheck(long rows, boolean intact, long firstBrokenSequence, String message) {

    static ChainCheck intact(long rows) {
        return new ChainCheck(rows, true, -1, rows + " rows, chain intact");
    }

    static ChainCheck broken(long rowsRead, long sequence, String message) {
        return new ChainCheck(rowsRead, false, sequence, message);
    }
}
