package org.farebox.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.pcsc.SimulatorProvider;
import org.farebox.simulator.pcsc.VirtualReader;
import org.farebox.simulator.pcsc.VirtualReaders;
import org.farebox.terminal.card.PcscCardReader;
import org.farebox.terminal.card.PcscReaders;
import org.farebox.terminal.deny.DenyListStore;
import org.farebox.terminal.fare.FlatFarePolicy;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.sam.PcscPsam;
import org.farebox.terminal.settle.TapProcessor;
import org.farebox.terminal.settle.TapSettings;

/**
 * The terminal's tap path wired as the daemon wires it, on the simulator's in-process readers: a virtual
 * PSAM behind {@link PcscPsam}, a real {@link SqliteLedger} (WAL, synchronous FULL) and deny list in
 * {@code folder}, a flat fare table and a display that shows nothing. Open it on the thread that will
 * tap: PC/SC exclusive access to the PSAM belongs to the thread that took it.
 */
public final class BenchTerminal implements AutoCloseable {
    static final String TERMINAL_ID = "BENCH-1";
    private static final String CARD_READER = "Bench Contactless 0";
    private static final String SAM_READER = "Bench SAM 0";
    private static final byte[] TERMINAL_NUMBER = Hex.parse("000051019999");

    private final VirtualReader field;
    private final PcscCardReader reader;
    private final PcscPsam psam;
    private final SqliteLedger ledger;
    private final DenyListStore denyList;
    private final TapProcessor processor;
    private final FundedCards cards;

    private BenchTerminal(VirtualReader field, PcscCardReader reader, PcscPsam psam, SqliteLedger ledger,
            DenyListStore denyList, TapProcessor processor, FundedCards cards) {
        this.field = field;
        this.reader = reader;
        this.psam = psam;
        this.ledger = ledger;
        this.denyList = denyList;
        this.processor = processor;
        this.cards = cards;
    }

    public static BenchTerminal open(Path folder, MasterKeys keys) throws Exception {
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add(CARD_READER);
        readers.add(SAM_READER).insert(new VirtualPsam(keys, PsamProfile.of(TERMINAL_NUMBER, 1)));
        TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());
        PcscPsam psam = PcscPsam.open(PcscReaders.find(factory, Pattern.compile(Pattern.quote(SAM_READER)), "SAM"));
        SqliteLedger ledger = SqliteLedger.open(folder.resolve("ledger.db"), TERMINAL_ID, LedgerOptions.defaults());
        DenyListStore deny = DenyListStore.open(folder);
        // A deny list that is not empty, so the lookup every tap makes has something to search.
        Map<String, String> denied = new java.util.HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            denied.put(String.format("3104510188%010d", i), "lost");
        }
        deny.replaceAll(denied);
        FlatFarePolicy fares = new FlatFarePolicy(new FlatFareTable(1, "CNY", 200, Map.of("101", 200L),
                Map.of("adult", 100, "student", 50), Map.of(0x01, "adult", 0x02, "student"), "adult"));
        // 16 cards stand in for thousands of passengers, each back within seconds: anti-passback off
        TapSettings settings = new TapSettings(TERMINAL_ID, "101", 3, "3", ZoneId.of("Asia/Shanghai"), true,
                List.of("0100"), List.of(0), Duration.ofSeconds(120), Duration.ZERO);
        TapProcessor processor = new TapProcessor(settings, psam, ledger, deny, () -> fares, display -> { },
                Clock.systemUTC());
        PcscCardReader reader = new PcscCardReader(factory, Pattern.compile(Pattern.quote(CARD_READER)));
        return new BenchTerminal(field, reader, psam, ledger, deny, processor, new FundedCards(keys, 16));
    }

    /** The contactless field, where a passenger puts a card. */
    public VirtualReader field() {
        return field;
    }

    public PcscCardReader reader() {
        return reader;
    }

    public TapProcessor processor() {
        return processor;
    }

    public SqliteLedger ledger() {
        return ledger;
    }

    public FundedCards cards() {
        return cards;
    }

    @Override
    public void close() {
        field.remove();
        reader.close();
        psam.close();
        denyList.close();
        ledger.close();
    }
}
