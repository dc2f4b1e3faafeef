package org.farebox.clearing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.farebox.clearing.BatchIntake;
import org.farebox.clearing.TerminalChain;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;
import org.farebox.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL (a fresh schema per test on the server prepare-test-env starts). */
class PostgresClearingStoreTest extends ClearingStoreContract {
    private PostgresDatabase database;

    @BeforeEach
    @Override
    void openStore() {
        database = PostgresDatabase.create();
        super.openStore();
    }

    @AfterEach
    @Override
    void closeStore() {
        super.closeStore();
        database.close();
    }

    @Override
    ClearingStore open() {
        return JdbcClearingStore.open(database.jdbcUrl(), "", "", CLOCK);
    }

    // PostgreSQL text cannot hold NUL (SQLite's can): such a batch is valid on the wire but unstorable here.
    @Test
    void rowWithANulCharacterIsBadDataAndTheIntakeQuarantinesAndAcksIt() {
        TxnRow r = t1.row(1);
        TxnRow nul = TerminalChain.relinked(new TxnRow(1, "T1", r.timeMillis(), r.cardSerial(), r.cardType(),
                r.riderCategory(), r.amountFen(), r.balanceBeforeFen(), r.balanceAfterFen(), r.cardCounter(),
                r.psamTerminalNo(), r.psamSerial(), r.tac(), r.mac2(), r.transactionType(), r.fareTableVersion(),
                r.route(), r.stop(), r.outcome(), r.state(), "bad\u0000detail", "", ""), r.prevHash());
        TxnBatch batch = new TxnBatch("OP1", "T1", List.of(nul));

        StoreException e = assertThrows(StoreException.class, () -> store.store(batch));
        assertTrue(e.isBadData(), e.getMessage());

        BatchIntake.Outcome outcome = new BatchIntake(store).handle(new Topics("OP1").txn("T1"), batch.encode());
        assertEquals(TxnAck.Result.QUARANTINED, outcome.ack().orElseThrow().ack().result());
        assertEquals(0, store.rowCount());
        assertEquals(1, store.quarantined().size());
    }
}
