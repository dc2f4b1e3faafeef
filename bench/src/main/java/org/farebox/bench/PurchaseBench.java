package org.farebox.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.settle.TapResult;
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
 * The terminal side of one paid purchase: connect to the card in the field, then TapProcessor.process
 * (select, reads, INITIALIZE, PSAM MAC1, intent, journey update, DEBIT, markDebited, MAC2 check, final
 * row), three durable ledger writes with synchronous FULL included. Putting the card in the field and
 * taking it out is the passenger's part and is not timed. Card and PSAM live in memory, so their own
 * EEPROM writes cost nothing here; a real card adds its radio and EEPROM time on top.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PurchaseBench {
    private Path folder;
    private BenchTerminal terminal;

    // Thread-scoped state is set up on the benchmark thread itself, which must own the PSAM.
    @Setup(Level.Trial)
    public void openTerminal() throws Exception {
        folder = BenchFolder.fresh("purchase-");
        terminal = BenchTerminal.open(folder, MasterKeys.generate(new SecureRandom(), 1, 1, 1));
    }

    @Setup(Level.Invocation)
    public void cardArrives() {
        terminal.field().insert(terminal.cards().next());
    }

    @Benchmark
    public TapResult tap() throws Exception {
        CardLink link = terminal.reader().awaitCard(Duration.ofSeconds(1))
                .orElseThrow(() -> new IllegalStateException("no card in the bench field"));
        try {
            TapResult result = terminal.processor().process(link);
            if (result.display().kind() != DisplayKind.PAID) {
                // Timing refusals instead of purchases would be a different benchmark: stop loudly.
                throw new IllegalStateException("the bench tap was not paid: " + result.display());
            }
            return result;
        } finally {
            link.close();
        }
    }

    @TearDown(Level.Invocation)
    public void cardLeaves() {
        terminal.field().remove();
    }

    @TearDown(Level.Trial)
    public void closeTerminal() {
        if (terminal != null) {
            terminal.close();
        }
        BenchFolder.delete(folder);
    }

    /** The terminal under test, for the smoke test. */
    BenchTerminal terminal() {
        return terminal;
    }
}
