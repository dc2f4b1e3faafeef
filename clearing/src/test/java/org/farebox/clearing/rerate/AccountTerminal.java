package org.farebox.clearing.rerate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.farebox.clearing.store.AccountRow;
import org.farebox.protocol.sync.RowHash;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;

/** A terminal's hash-chained ledger of account (QR) taps for re-rating tests. */
final class AccountTerminal {
    private final String terminalId;
    private final List<TxnRow> rows = new ArrayList<>();

    AccountTerminal(String terminalId) {
        this.terminalId = terminalId;
    }

    /** An account tap charged {@code chargedFen}; {@code local} like "2026-03-10T07:30" (+08:00). */
    AccountTerminal tap(String account, String local, String route, String stop, String rider, long chargedFen) {
        return row(account, AccountRow.ACCOUNT_CARD_TYPE, local, route, stop, rider, chargedFen, "PAID");
    }

    AccountTerminal row(String serial, int cardType, String local, String route, String stop, String rider,
            long amountFen, String outcome) {
        long seq = rows.size() + 1;
        String prev = rows.isEmpty() ? RowHash.GENESIS_PREV_HASH : rows.get(rows.size() - 1).hash();
        long millis = OffsetDateTime.parse(local + ":00+08:00").toInstant().toEpochMilli();
        boolean paid = outcome.equals("PAID");
        TxnRow unsigned = new TxnRow(seq, terminalId, millis, serial, cardType, rider, amountFen, -1, -1, -1, "", -1,
                "", "", -1, 1, route, stop, outcome, paid ? "COMPLETE" : "NO_DEBIT", "", prev, "");
        TxnRow hashed = new TxnRow(seq, terminalId, millis, serial, cardType, rider, amountFen, -1, -1, -1, "", -1,
                "", "", -1, 1, route, stop, outcome, unsigned.state(), "", prev, RowHash.hash(prev, unsigned));
        rows.add(hashed);
        return this;
    }

    TxnBatch batch(int from) {
        return new TxnBatch("OP1", terminalId, rows.subList(from - 1, rows.size()));
    }

    int size() {
        return rows.size();
    }
}
