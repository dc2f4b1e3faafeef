package org.farebox.terminal.testkit;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.pcsc.SimulatorProvider;
import org.farebox.simulator.pcsc.VirtualReader;
import org.farebox.simulator.pcsc.VirtualReaders;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.card.PcscCardReader;
import org.farebox.terminal.card.PcscReaders;
import org.farebox.terminal.card.ReaderException;
import org.farebox.terminal.deny.DenyListStore;
import org.farebox.terminal.fare.FarePolicy;
import org.farebox.terminal.fare.FlatFarePolicy;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.PcscPsam;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.sam.SamException;
import org.farebox.terminal.sam.SoftSam;
import org.farebox.terminal.settle.TapProcessor;
import org.farebox.terminal.settle.TapResult;
import org.farebox.terminal.settle.TapSettings;

/**
 * A validator on the test bench, wired as the daemon wires it but with test parts: a real SQLite ledger
 * and deny list in a temporary folder, the flat fare table (adult 200 fen, student 50 %, senior 0 %), a
 * recording display, a hand-moved clock and either the software SAM or a virtual PSAM behind PC/SC.
 * Cards are presented with {@link #tap}: into the virtual field, through {@link PcscCardReader}, out again.
 *
 * <p>Open the bench on the thread that taps: PC/SC exclusive access to the PSAM belongs to that thread.
 */
public final class TerminalBench implements AutoCloseable {
    public static final long ADULT_FARE = 200;
    public static final String FIELD_READER = "Bench Contactless 0";
    public static final String SAM_READER = "Bench SAM 0";

    private final BenchOptions options;
    private final MutableClock clock;
    private final RecordingHmi hmi = new RecordingHmi();
    private final FarePolicy fares;
    private final DenyListStore denyList;
    private final TestCards cards;
    private final VirtualReader field;
    private final VirtualReader samSlot;
    private final VirtualPsam psam;
    private final TerminalFactory factory;
    private final PcscCardReader reader;
    private SqliteLedger ledger;
    private CrashingLedger crashing;
    private Sam sam;
    private TapProcessor processor;

    /** Options with the defaults; change what the test is about, then {@link BenchOptions#start}. */
    public static BenchOptions in(Path dir) {
        return new BenchOptions(dir);
    }

    public static TerminalBench start(Path dir, SamKind kind) {
        return in(dir).sam(kind).start();
    }

    TerminalBench(BenchOptions o) {
        this.options = o;
        this.clock = o.clock != null ? o.clock : new MutableClock(BenchOptions.START, BenchOptions.ZONE);
        this.fares = o.fares != null ? o.fares : new FlatFarePolicy(fareTable());
        this.denyList = DenyListStore.open(o.dir.resolve("deny"));
        this.cards = new TestCards(o.keys, "31045101" + Hex.of(o.terminalNumber, 5, 1));
        VirtualReaders readers = new VirtualReaders();
        this.field = readers.add(FIELD_READER);
        this.samSlot = readers.add(SAM_READER);
        this.psam = new VirtualPsam(o.keys, PsamProfile.of(o.terminalNumber, BenchOptions.KEY_INDEX));
        try {
            this.factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the simulator's smartcardio provider is missing", e);
        }
        this.reader = new PcscCardReader(factory, Pattern.compile(Pattern.quote(FIELD_READER)));
        if (o.sam == SamKind.PSAM) {
            samSlot.insert(psam);
        }
        openTerminal();
    }

    /** adult 200 fen on every route, student 50 %, senior 0 %; unknown card types ride as adults. */
    public static FlatFareTable fareTable() {
        return new FlatFareTable(1, "CNY", ADULT_FARE, Map.of("101", ADULT_FARE),
                Map.of("adult", 100, "student", 50, "senior", 0),
                Map.of(TestCards.ADULT, "adult", TestCards.STUDENT, "student", TestCards.SENIOR, "senior"), "adult");
    }

    private void openTerminal() {
        ledger = SqliteLedger.open(options.dir.resolve("ledger.db"), options.terminalId);
        crashing = new CrashingLedger(ledger);
        sam = openSam();
        processor = new TapProcessor(options.settings(), sam, crashing, denyList, () -> fares, hmi, clock);
    }

    private Sam openSam() {
        if (options.sam == SamKind.SOFT) {
            return new SoftSam(options.keys, options.terminalNumber, BenchOptions.KEY_INDEX,
                    ledger.lastPsamSerial(psamTerminalNo()));
        }
        try {
            return PcscPsam.open(PcscReaders.find(factory, Pattern.compile(Pattern.quote(SAM_READER)), "SAM"),
                    options.keys.diversificationLevels());
        } catch (ReaderException | SamException e) {
            throw new IllegalStateException("cannot open the bench PSAM: " + e.getMessage(), e);
        }
    }

    /**
     * Presents a card: it enters the field, the terminal connects through PC/SC and processes the tap,
     * the card leaves. Returns what the terminal returned; a {@link SimulatedCrash} passes through.
     */
    public TapResult tap(ApduResponder card) {
        field.insert(card);
        try {
            CardLink link = reader.awaitCard(Duration.ofSeconds(1))
                    .orElseThrow(() -> new AssertionError("the reader did not see the card in its field"));
            try {
                return processor.process(link);
            } finally {
                link.close();
            }
        } catch (ReaderException e) {
            throw new AssertionError("the bench reader failed: " + e.getMessage(), e);
        } finally {
            field.remove();
        }
    }

    /** The next time the terminal reaches {@code point}, it dies there; {@link #restart} brings it back. */
    public void crashAt(CrashPoint point) {
        crashing.crashAt(point);
    }

    /**
     * Starts the terminal again from what is on disk: the ledger reopened, the SAM reopened (a PSAM is
     * power-cycled, the software SAM continues from the ledger's last serial), a new processor. Call
     * {@link #resumeAfterRestart} next, as the daemon does.
     */
    public void restart() {
        sam.close();
        ledger.close();
        if (options.sam == SamKind.PSAM) {
            samSlot.remove();
            samSlot.insert(psam);
        }
        openTerminal();
    }

    public List<TapRecord> resumeAfterRestart() {
        return processor.resumeAfterRestart();
    }

    public List<TapRecord> expireTornTaps() {
        return processor.expireTornTaps();
    }

    /** A second terminal (own folder, id and terminal number) with the same keys and the same clock. */
    public TerminalBench anotherTerminal(Path dir, String terminalId, String terminalNumberHex) {
        return in(dir).sam(options.sam).keys(options.keys).clock(clock).terminal(terminalId, terminalNumberHex)
                .fares(options.fares).passbackWindow(options.passbackWindow).start();
    }

    /** Every row of the ledger, in sequence order. */
    public List<TapRecord> rows() {
        return ledger.rows(1, Integer.MAX_VALUE);
    }

    public List<TapRecord> rowsOf(String cardSerial) {
        return rows().stream().filter(r -> r.cardSerial().equals(cardSerial)).toList();
    }

    /** Fen taken from this card according to the ledger: rows whose state moved money. */
    public long revenueFrom(String cardSerial) {
        return rowsOf(cardSerial).stream().filter(r -> r.state().movedMoney()).mapToLong(TapRecord::amountFen).sum();
    }

    public List<PurchaseIntent> openIntents() {
        return ledger.openIntents();
    }

    public List<PurchaseIntent> openIntentsOf(String cardSerial) {
        return openIntents().stream().filter(i -> i.cardSerial().equals(cardSerial)).toList();
    }

    public TestCards cards() {
        return cards;
    }

    public MutableClock clock() {
        return clock;
    }

    public RecordingHmi hmi() {
        return hmi;
    }

    public SqliteLedger ledger() {
        return ledger;
    }

    public DenyListStore denyList() {
        return denyList;
    }

    public Sam sam() {
        return sam;
    }

    public SamKind samKind() {
        return options.sam;
    }

    /** The virtual PSAM of this bench (in its slot only when the bench runs with {@link SamKind#PSAM}). */
    public VirtualPsam virtualPsam() {
        return psam;
    }

    public TapProcessor processor() {
        return processor;
    }

    public TapSettings settings() {
        return options.settings();
    }

    public MasterKeys keys() {
        return options.keys;
    }

    /** The SAM's terminal number as the ledger records it (12 hex digits). */
    public String psamTerminalNo() {
        return Hex.of(options.terminalNumber);
    }

    @Override
    public void close() {
        reader.close();
        sam.close();
        ledger.close();
        denyList.close();
    }
}
