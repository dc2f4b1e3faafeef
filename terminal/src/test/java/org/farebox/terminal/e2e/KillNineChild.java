package org.farebox.terminal.e2e;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.simulator.pcsc.SimulatorProvider;
import org.farebox.simulator.pcsc.VirtualReader;
import org.farebox.simulator.pcsc.VirtualReaders;
import org.farebox.terminal.TerminalRuntime;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.card.PcscCardReader;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.settle.TapProcessor;
import org.farebox.terminal.settle.TapResult;

/**
 * Run in a child JVM by {@link KillNineTest}: a terminal on the simulator's readers, with cards and PSAM
 * state on disk and the real SQLite ledger, tapping cards as fast as it can until it is killed.
 *
 * <p>Arguments: config file, {@code psam} or {@code soft}, master key file, PSAM state file, seed, card
 * files. Lines on stdout: {@code READY}, then {@code DEBIT} when a card receives its DEBIT command and
 * {@code TAP n card kind} after each tap.
 */
public final class KillNineChild {
    static final String FIELD_READER = "E2E Field 0";
    static final String SAM_READER = "E2E SAM 0";
    /** Each APDU in the field takes this long, as in a real field. */
    static final Duration FIELD_LATENCY = Duration.ofMillis(1);
    /** DEBIT waits this long before the card acts on it: a kill then finds the card not yet debited. */
    static final Duration BEFORE_DEBIT = Duration.ofMillis(10);
    /** And this long after the card debited, before it answers: a kill then leaves a debit the terminal never saw. */
    static final Duration BEFORE_ANSWER = Duration.ofMillis(20);

    private KillNineChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        TerminalConfig config = TerminalConfig.load(Path.of(args[0]));
        boolean psam = args[1].equals("psam");
        MasterKeys keys = MasterKeys.parse(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
        Random random = new Random(Long.parseLong(args[4]));
        List<ApduResponder> cards = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            cards.add(new SlowDebitCard(VirtualTUnionCard.open(Path.of(args[i])), BEFORE_DEBIT, BEFORE_ANSWER,
                    () -> out.println("DEBIT")));
        }
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add(FIELD_READER);
        VirtualReader slot = readers.add(SAM_READER);
        if (psam) {
            slot.insert(VirtualPsam.open(keys, PsamProfile.of(Hex.parse(TerminalFixture.PSAM_TERMINAL_NUMBER), 1),
                    Path.of(args[3])));
        }
        field.setLatency(FIELD_LATENCY);
        TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());
        try (TerminalRuntime runtime = TerminalRuntime.open(config, factory, display -> { }, Clock.systemUTC());
                PcscCardReader reader = new PcscCardReader(factory, config.cardReader())) {
            TapProcessor processor = runtime.processor();
            processor.resumeAfterRestart();
            out.println("READY");
            for (long n = 1; ; n++) {
                processor.expireTornTaps();
                int card = random.nextInt(cards.size());
                field.insert(cards.get(card));
                TapResult result;
                try (CardLink link = reader.awaitCard(Duration.ofSeconds(5)).orElseThrow()) {
                    result = processor.process(link);
                }
                field.remove();
                out.println("TAP " + n + " " + card + " " + result.display().kind());
            }
        }
    }
}
