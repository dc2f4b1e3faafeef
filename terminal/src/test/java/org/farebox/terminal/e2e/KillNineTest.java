package org.farebox.terminal.e2e;

import org.farebox.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.smartcardio.TerminalFactory;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.simulator.pcsc.SimulatorProvider;
import org.farebox.simulator.pcsc.VirtualReader;
import org.farebox.simulator.pcsc.VirtualReaders;
import org.farebox.terminal.TerminalRuntime;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.card.PcscCardReader;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.e2e.LedgerAudit.Purse;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.IntentState;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.settle.TapResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a terminal that taps cards as fast as it can, at seeded random moments (half of them aimed
 * inside a DEBIT). After each kill the same files are opened again as the restarted daemon would, open
 * purchases are resumed and every card is tapped once more, so a torn purchase is settled through the
 * card's counter and GET TRANSACTION PROVE. Then no tap may be lost and none charged twice.
 */
@Timeout(120)
class KillNineTest {
    private static final long BALANCE = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void sigkillAtAnyMomentNeitherLosesNorDoublesAChargeWithThePsam() throws Exception {
        Stats stats = new KillRounds(dir, "psam", 0x5EED_0001L).run(15);
        assertTrue(stats.roundsWithOpenIntent > 0, "no kill landed inside a purchase: " + stats);
    }

    @Test
    void sigkillAtAnyMomentNeitherLosesNorDoublesAChargeWithTheSoftSam() throws Exception {
        Stats stats = new KillRounds(dir, "soft", 0x5EED_0002L).run(8);
        assertTrue(stats.roundsWithOpenIntent > 0, "no kill landed inside a purchase: " + stats);
    }

    /** What the rounds did, printed for the record. */
    static final class Stats {
        int rounds;
        int childTaps;
        int roundsWithOpenIntent;
        int pendingAtRestart;
        int debitedAtRestart;
        long recoveredByProof;
        long voidedByCounter;
        long completedAfterRestart;
        long millis;

        @Override
        public String toString() {
            return rounds + " kills in " + millis + " ms, " + childTaps + " taps by the killed terminals; open purchase"
                    + " at restart after " + roundsWithOpenIntent + " kills (" + pendingAtRestart + " PENDING, "
                    + debitedAtRestart + " DEBITED); settled: " + recoveredByProof + " by GET TRANSACTION PROVE, "
                    + voidedByCounter + " void by unchanged counter, " + completedAfterRestart + " completed at restart";
        }
    }

    /** One terminal's files, killed and recovered round after round. */
    private static final class KillRounds {
        private final String samMode;
        private final Random random;
        private final TerminalFixture fixture;
        private final Path config;
        private final Map<String, Path> cards = new LinkedHashMap<>();
        private final Map<String, Purse> issued = new LinkedHashMap<>();
        private final Stats stats = new Stats();

        KillRounds(Path dir, String samMode, long seed) throws IOException {
            this.samMode = samMode;
            this.random = new Random(seed);
            this.fixture = TerminalFixture.create(dir, seed);
            for (int i = 1; i <= 6; i++) {
                String serial = String.format("31045101%012d", i);
                Path file = fixture.issueCard(serial, i <= 4 ? TerminalFixture.ADULT : TerminalFixture.STUDENT, BALANCE);
                cards.put(serial, file);
                issued.put(serial, Purse.of(CardImage.load(file)));
            }
            this.config = fixture.writeConfig(Map.of("reader.card", KillNineChild.FIELD_READER,
                    "reader.sam", KillNineChild.SAM_READER, "sam.mode", samMode.equals("psam") ? "pcsc" : "soft"));
        }

        Stats run(int rounds) throws Exception {
            long started = System.nanoTime();
            for (int round = 1; round <= rounds; round++) {
                killTappingTerminal(round);
                recover(round);
                stats.rounds++;
            }
            stats.millis = (System.nanoTime() - started) / 1_000_000;
            try (SqliteLedger ledger = SqliteLedger.open(fixture.stateDir.resolve("ledger.db"), TerminalFixture.TERMINAL_ID)) {
                for (TapRecord row : ledger.rows(1, Integer.MAX_VALUE)) {
                    stats.recoveredByProof += row.detail().equals("recovered with GET TRANSACTION PROVE") ? 1 : 0;
                    stats.voidedByCounter += row.detail().startsWith("re-tap: counter unchanged") ? 1 : 0;
                    stats.completedAfterRestart += row.detail().equals("completed after restart") ? 1 : 0;
                }
            }
            System.out.println("kill -9 with the " + (samMode.equals("psam") ? "PSAM" : "software SAM") + ": " + stats);
            return stats;
        }

        private void killTappingTerminal(int round) throws Exception {
            List<String> args = new ArrayList<>(List.of(config.toString(), samMode, fixture.keysFile.toString(),
                    fixture.psamState.toString(), Long.toString(random.nextLong())));
            cards.values().forEach(p -> args.add(p.toString()));
            // Odd rounds aim inside a DEBIT: every other one before the card acts, the rest after it debited.
            boolean aimAtDebit = round % 2 == 1;
            int skip = aimAtDebit ? random.nextInt(5) : random.nextInt(10);
            long delayMillis;
            if (!aimAtDebit) {
                delayMillis = random.nextInt(40);
            } else if (round % 4 == 1) {
                delayMillis = random.nextInt((int) KillNineChild.BEFORE_DEBIT.toMillis() - 2);
            } else {
                delayMillis = KillNineChild.BEFORE_DEBIT.toMillis() + 6
                        + random.nextInt((int) KillNineChild.BEFORE_ANSWER.toMillis() - 8);
            }
            try (ChildJvm child = ChildJvm.start(KillNineChild.class.getName(), args)) {
                assertNotNull(child.awaitLine("READY"::equals, Duration.ofSeconds(30)),
                        "round " + round + ": the terminal did not start\n" + child.transcript());
                for (int i = 0; i <= skip; i++) {
                    String wanted = aimAtDebit ? "DEBIT" : "TAP ";
                    assertNotNull(child.awaitLine(l -> l.startsWith(wanted), Duration.ofSeconds(10)),
                            "round " + round + ": no " + wanted + "\n" + child.transcript());
                }
                // The kill moment itself is the point: real time, not a fake clock.
                Thread.sleep(delayMillis);
                assertTrue(child.process().isAlive(), "round " + round + ": the terminal died by itself\n"
                        + child.transcript());
                child.sigkill();
                assertTrue(child.awaitExit(Duration.ofSeconds(10)), "round " + round + ": SIGKILL did not stop it");
                List<String> taps = child.stdout().lines().filter(l -> l.startsWith("TAP ")).toList();
                stats.childTaps += taps.size();
                for (String tap : taps) {
                    assertTrue(tap.endsWith(" PAID"), "round " + round + ": every tap of the killed terminal pays: "
                            + tap + "\n" + child.transcript());
                }
            }
        }

        /** The restarted daemon: resume what the kill left open, then every card comes back once. */
        private void recover(int round) throws Exception {
            TerminalConfig c = TerminalConfig.load(config);
            VirtualReaders readers = new VirtualReaders();
            VirtualReader field = readers.add(KillNineChild.FIELD_READER);
            VirtualReader slot = readers.add(KillNineChild.SAM_READER);
            if (samMode.equals("psam")) {
                slot.insert(fixture.openPsam());
            }
            TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());
            try (TerminalRuntime runtime = TerminalRuntime.open(c, factory, display -> { }, Clock.systemUTC());
                    PcscCardReader reader = new PcscCardReader(factory, c.cardReader())) {
                List<PurchaseIntent> open = runtime.ledger().openIntents();
                if (!open.isEmpty()) {
                    stats.roundsWithOpenIntent++;
                }
                for (PurchaseIntent i : open) {
                    stats.pendingAtRestart += i.state() == IntentState.PENDING ? 1 : 0;
                    stats.debitedAtRestart += i.state() == IntentState.DEBITED ? 1 : 0;
                }
                runtime.processor().resumeAfterRestart();
                for (Path file : cards.values()) {
                    field.insert(VirtualTUnionCard.open(file));
                    TapResult result;
                    try (CardLink link = reader.awaitCard(Duration.ofSeconds(5)).orElseThrow()) {
                        result = runtime.processor().process(link);
                    }
                    field.remove();
                    assertEquals(DisplayKind.PAID, result.display().kind(),
                            "round " + round + ": re-tap of " + file.getFileName() + " after the kill: " + result);
                }
            }
            Map<String, Purse> now = new LinkedHashMap<>();
            for (Map.Entry<String, Path> card : cards.entrySet()) {
                now.put(card.getKey(), Purse.of(CardImage.load(card.getValue())));
            }
            try (SqliteLedger ledger = SqliteLedger.open(c.ledgerFile(), c.terminalId())) {
                LedgerAudit.assertConsistent(ledger, issued, now, "after kill " + round + " (" + samMode + " SAM)");
            }
        }
    }
}
