package org.farebox.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.pcsc.SimulatorProvider;
import org.farebox.simulator.pcsc.VirtualReader;
import org.farebox.simulator.pcsc.VirtualReaders;
import org.farebox.terminal.LogSetup;
import org.farebox.terminal.TerminalRuntime;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.hmi.ConsoleHmi;
import org.farebox.terminal.hmi.Hmi;
import org.farebox.terminal.hmi.LcdGeometry;
import org.farebox.terminal.ledger.SqliteLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code ./farebox demo}: one bus validator, 20 virtual cards and a flow of passengers, on this machine. */
@Command(name = "farebox-demo", mixinStandardHelpOptions = true, version = "farebox-demo 0.1.0",
        description = {"Runs a bus validator on the simulator's card reader and PSAM slot with 20 virtual cards",
                "and a flow of passengers, prints the display as it changes, then checks the ledger against",
                "the cards' balances. The last line is machine-readable (SUMMARY ...)."})
public final class DemoCli implements Callable<Integer> {
    // The terminal polls the field every 20 ms; a card swapped faster than that looks like one card left
    // lying on the reader, which the terminal rightly refuses to charge twice.
    private static final int MIN_PACE_MS = 50;

    @Option(names = "--taps", defaultValue = "200", description = "passenger taps (default: ${DEFAULT-VALUE})")
    int taps;

    @Option(names = "--seed", defaultValue = "7", description = "passenger order seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dir", defaultValue = "demo-run",
            description = "working folder, emptied at start (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--pace-ms", defaultValue = "60",
            description = "pause between passengers, milliseconds, at least 50 (default: ${DEFAULT-VALUE})")
    int paceMs;

    @Option(names = "--network", defaultValue = "examples/chengdu-like",
            description = "GTFS-Fares feed the bus is priced by (default: ${DEFAULT-VALUE})")
    Path network;

    @Option(names = "--lcd", defaultValue = "16x2", description = "display geometry: 16x2 or 20x4")
    String lcd;

    @Option(names = "--quiet", description = "do not print the display frames")
    boolean quiet;

    public static void main(String[] args) {
        // The embedded broker (HiveMQ) needs logback behind SLF4J; Farebox itself logs through tinylog.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.exit(new CommandLine(new DemoCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (paceMs < MIN_PACE_MS) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--pace-ms must be at least "
                    + MIN_PACE_MS + ": the validator waits for the field to be empty before the next card");
        }
        LogSetup.apply("warn", null);
        PrintStream out = System.out;
        prepareDir(dir);
        MasterKeys keys = MasterKeys.generate(new SecureRandom(), 1, 1, 1);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<DemoCards.Passenger> cards = DemoCards.issue(keys, dir.resolve("cards"), today);
        DemoCards.Passenger blocked = cards.stream().filter(p -> p.label().equals("blocked")).findFirst().orElseThrow();
        out.println("Farebox demo: starting the back office (MQTT broker, clearing host, operator)");
        try (DemoBackOffice office = DemoBackOffice.start(dir)) {
            Path bundle = DemoNetwork.compileFirst(network, dir.resolve("fares-v1.bundle"));
            Path configFile = DemoSetup.write(dir, bundle, DemoCards.serialOf(blocked), lcd, office.brokerUrl(),
                    office.operatorPublicKey());
            return runBus(out, keys, cards, TerminalConfig.load(configFile), office);
        }
    }

    private int runBus(PrintStream out, MasterKeys keys, List<DemoCards.Passenger> cards, TerminalConfig config,
            DemoBackOffice office) throws Exception {

        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add(DemoSetup.CARD_READER);
        VirtualReader samSlot = readers.add(DemoSetup.SAM_READER);
        samSlot.insert(VirtualPsam.open(keys, PsamProfile.of(Hex.parse(DemoSetup.TERMINAL_NUMBER), 1),
                dir.resolve("psam-state.json")));
        TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());

        out.println("Farebox demo: bus DEMO-BUS-7 on route " + DemoNetwork.BUS_ROUTE + " of the example city ("
                + network + "), " + cards.size() + " cards, " + taps + " taps");
        out.println("working folder: " + dir.toAbsolutePath());
        LcdGeometry geometry = LcdGeometry.parse(lcd);
        Hmi hmi = quiet ? display -> { } : new ConsoleHmi(out, geometry);
        long started = System.nanoTime();
        DemoReport report;
        PassengerFlow flow = new PassengerFlow(field, cards, new Random(seed), paceMs, quiet ? null : out);
        SyncDrain drain = new SyncDrain(out);
        report = flow.run(() -> TerminalRuntime.open(config, factory, hmi, Clock.systemUTC()), taps,
                new PassengerFlow.Hooks() {
                    @Override
                    public void midRun() throws Exception {
                        int bytes = office.publishFareTable(2, DemoNetwork.compileRaisedBusFare(network, dir));
                        out.println("operator: signed fare table v2 published to the fleet (" + bytes
                                + " bytes): adult bus fare now 2.50 yuan");
                    }

                    @Override
                    public void beforeClose(TerminalRuntime runtime) throws Exception {
                        drain.await(runtime);
                    }
                });
        try (SqliteLedger ledger = SqliteLedger.open(config.ledgerFile(), config.terminalId())) {
            report = report.withLedger(ledger).withClearing(office.report(config.timezone()), config.terminalId(),
                    drain);
        }
        return report.print(out, cards, (System.nanoTime() - started) / 1_000_000) ? 0 : 1;
    }

    private static void prepareDir(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
