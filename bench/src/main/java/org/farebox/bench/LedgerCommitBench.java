package org.farebox.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ledger's durable write next to SQLite's own floor on the same disk: {@link SqliteLedger#append} of one
 * row (hash chain, checks, synchronous FULL) against a raw INSERT + COMMIT into a plain table with the same
 * pragmas in the same folder; and a whole tap's ledger work (intent, debited, resolve: three commits).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class LedgerCommitBench {
    private Path folder;
    private SqliteLedger ledger;
    private RawSqliteTable raw;
    private long n;

    @Setup(Level.Trial)
    public void open() throws Exception {
        folder = BenchFolder.fresh("ledger-");
        ledger = SqliteLedger.open(folder.resolve("ledger.db"), BenchTerminal.TERMINAL_ID, LedgerOptions.defaults());
        raw = RawSqliteTable.open(folder.resolve("raw.db"));
    }

    @Benchmark
    public TapRecord ledgerAppend() {
        return ledger.append(LedgerRows.paidRow(++n));
    }

    @Benchmark
    public void rawInsertCommit() throws Exception {
        raw.insertAndCommit();
    }

    @Benchmark
    public TapRecord ledgerTap() {
        PurchaseIntent intent = ledger.recordIntent(LedgerRows.pendingIntent(++n));
        ledger.markDebited(intent.id(), "0A1B2C3D", "4E5F6071");
        return ledger.resolve(intent.id(), LedgerRows.finalRow(intent));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (raw != null) {
            raw.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        BenchFolder.delete(folder);
    }

    SqliteLedger ledger() {
        return ledger;
    }

    RawSqliteTable raw() {
        return raw;
    }
}
