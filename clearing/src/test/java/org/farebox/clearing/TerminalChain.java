package org.farebox.clearing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.farebox.protocol.sync.RowHash;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;

/** A terminal's ledger for tests: hash-chained rows with seeded, varied contents, cut into batches at will. */
public final class TerminalChain {
    private static final String[] OUTCOMES = {"PAID", "PAID", "PAID", "LOW_BALANCE", "DENIED", "CARD_ERROR"};

    private final String operator;
    private final String terminalId;
    private final Random random;
    private final List<TxnRow> rows = new ArrayList<>();
    private long timeMillis;

    public TerminalChain(String operator, String terminalId, long seed, Instant start) {
        this.operator = operator;
        this.terminalId = terminalId;
        this.random = new Random(seed);
        this.timeMillis = start.toEpochMilli();
    }

    public String terminalId() {
        return terminalId;
    }

    public String operator() {
        return operator;
    }

    /** Rows 1..n exist (made as needed). */
    public TerminalChain grow(int n) {
        while (rows.size() < n) {
            append();
        }
        return this;
    }

    /** Row {@code seq} (made as needed). */
    public TxnRow row(long seq) {
        grow((int) seq);
        return rows.get((int) seq - 1);
    }

    /** A batch of rows first..last. */
    public TxnBatch batch(long first, long last) {
        grow((int) last);
        return new TxnBatch(operator, terminalId, rows.subList((int) first - 1, (int) last));
    }

    public List<TxnRow> rows() {
        return List.copyOf(rows);
    }

    private void append() {
        long seq = rows.size() + 1;
        String prev = rows.isEmpty() ? RowHash.GENESIS_PREV_HASH : rows.get(rows.size() - 1).hash();
        String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
        boolean paid = outcome.equals("PAID");
        String state = paid ? (random.nextInt(10) == 0 ? "DEBITED" : "COMPLETE") : "NO_DEBIT";
        long amount = paid ? 100 + 50L * random.nextInt(5) : 0;
        long before = 5000 + random.nextInt(5000);
        timeMillis += 60_000L + random.nextInt(3_600_000); // about 12 taps an hour: a few days per 1,000 rows
        int cardType = random.nextInt(3) + 1;
        TxnRow unsigned = new TxnRow(seq, terminalId, timeMillis, String.format("%016d", random.nextInt(1_000_000)),
                cardType, "ADULT", amount, before, before - amount, random.nextInt(60000), "000000000001", seq,
                paid ? String.format("%08X", random.nextInt()) : "", paid ? "0A0B0C0D" : "", paid ? 6 : -1, 3,
                "R1", "S" + random.nextInt(20), outcome, state, "", prev, "");
        rows.add(withHash(unsigned, RowHash.hash(prev, unsigned)));
    }

    /** {@code row} with another hash (its fields unchanged). */
    public static TxnRow withHash(TxnRow r, String hash) {
        return new TxnRow(r.sequence(), r.terminalId(), r.timeMillis(), r.cardSerial(), r.cardType(),
                r.riderCategory(), r.amountFen(), r.balanceBeforeFen(), r.balanceAfterFen(), r.cardCounter(),
                r.psamTerminalNo(), r.psamSerial(), r.tac(), r.mac2(), r.transactionType(), r.fareTableVersion(),
                r.route(), r.stop(), r.outcome(), r.state(), r.detail(), r.prevHash(), hash);
    }

    /** {@code row} with another amount, hash fields untouched: a tampered row. */
    public static TxnRow withAmount(TxnRow r, long amountFen) {
        return new TxnRow(r.sequence(), r.terminalId(), r.timeMillis(), r.cardSerial(), r.cardType(),
                r.riderCategory(), amountFen, r.balanceBeforeFen(), r.balanceAfterFen(), r.cardCounter(),
                r.psamTerminalNo(), r.psamSerial(), r.tac(), r.mac2(), r.transactionType(), r.fareTableVersion(),
                r.route(), r.stop(), r.outcome(), r.state(), r.detail(), r.prevHash(), r.hash());
    }

    /** {@code row} with another prev_hash and a hash that is right for it: a consistent row that breaks the chain. */
    public static TxnRow relinked(TxnRow r, String prevHash) {
        TxnRow moved = new TxnRow(r.sequence(), r.terminalId(), r.timeMillis(), r.cardSerial(), r.cardType(),
                r.riderCategory(), r.amountFen(), r.balanceBeforeFen(), r.balanceAfterFen(), r.cardCounter(),
                r.psamTerminalNo(), r.psamSerial(), r.tac(), r.mac2(), r.transactionType(), r.fareTableVersion(),
                r.route(), r.stop(), r.outcome(), r.state(), r.detail(), prevHash, "");
        return withHash(moved, RowHash.hash(prevHash, moved));
    }

    /** The report totals these rows should give: revenue over money-moving states. */
    public static long revenue(List<TxnRow> rows) {
        return rows.stream().filter(r -> r.state().equals("COMPLETE") || r.state().equals("DEBITED")
                || r.state().equals("MAC2_FAIL")).mapToLong(TxnRow::amountFen).sum();
    }
}
