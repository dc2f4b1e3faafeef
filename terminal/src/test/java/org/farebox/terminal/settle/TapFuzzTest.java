package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.CardLedgerAssert.assertCardAgreesWithLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.farebox.simulator.card.CardProfile;
import org.farebox.simulator.card.FaultyCard;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.farebox.terminal.testkit.TestCards;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 300 taps of random cards, most of them with a random fault at a random command: torn before or after,
 * answered with random bytes, or with a wrong MAC2. Afterwards every card with an open purchase comes
 * back once more. Whatever happened, the terminal never threw, its chain is intact, nothing is left open,
 * no PSAM serial was used twice, and every card's own purse agrees with the ledger to the fen.
 */
class TapFuzzTest {
    private static final long SEED = 20_250_602L;
    private static final int TAPS = 300;
    private static final int CARDS = 16;
    /** Every INS the terminal sends to a user card: select, reads, purchase, proof, balance, block. */
    private static final int[] INS = {0xA4, 0xB0, 0xB2, 0x5C, 0x50, 0xDC, 0x54, 0x5A, 0x84, 0x1E};

    @TempDir
    Path dir;

    private enum Fault { NONE, TEAR_BEFORE, TEAR_AFTER, GARBAGE, WRONG_MAC2 }

    private record Passenger(VirtualTUnionCard card, long initialBalance) {
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void randomFaultsNeverLoseOrInventMoney(SamKind kind) {
        Random random = new Random(SEED + kind.ordinal());
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            List<Passenger> passengers = issue(bench, random);
            Set<String> shownKinds = new HashSet<>();

            for (int tap = 1; tap <= TAPS; tap++) {
                Passenger p = passengers.get(random.nextInt(passengers.size()));
                Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
                int ins = INS[random.nextInt(INS.length)];
                String what = "tap " + tap + ": card " + p.card().image().serialNumber() + ", " + fault
                        + (fault == Fault.NONE || fault == Fault.WRONG_MAC2 ? "" : String.format(" at %02X", ins));
                bench.clock().advance(Duration.ofSeconds(1 + random.nextInt(20)));

                TapResult result = bench.tap(withFault(p.card(), fault, ins, random));

                shownKinds.add(result.display().kind().name());
                if (result.display().kind() == DisplayKind.PAID) {
                    TapRecord last = result.rows().get(result.rows().size() - 1);
                    assertEquals(Outcome.PAID, last.outcome(), what);
                    assertEquals(result.display().fareFen(), last.amountFen(), what);
                }
            }
            comeBackUntilNothingIsOpen(bench, passengers);

            assertTrue(bench.openIntents().isEmpty(), () -> "open intents " + bench.openIntents());
            bench.clock().advance(Duration.ofHours(1));
            assertEquals(List.of(), bench.expireTornTaps());
            ChainCheck chain = bench.ledger().verify();
            assertTrue(chain.intact(), chain.message());
            assertEquals(bench.rows().size(), chain.rows());
            assertPsamSerialsUnique(bench.rows());
            for (Passenger p : passengers) {
                assertCardAgreesWithLedger(bench, p.card(), p.initialBalance(), "after " + TAPS + " random taps");
            }
            assertTrue(shownKinds.containsAll(List.of("PAID", "TAP_AGAIN", "CARD_REJECTED", "LOW_BALANCE")),
                    () -> "the fuzz should reach the main outcomes, saw " + shownKinds);
            assertTrue(bench.ledger().totals().revenueFen() > 0);
        }
    }

    private static List<Passenger> issue(TerminalBench bench, Random random) {
        TestCards cards = bench.cards();
        List<Passenger> out = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            long balance = i == 0 ? 150 : random.nextInt(4_000);
            CardProfile.Builder profile = cards.profile(balance)
                    .cardType(1 + random.nextInt(3)).legacy(random.nextInt(8) == 0);
            if (i == 1) {
                profile.validity(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31));
            }
            out.add(new Passenger(cards.issue(profile), balance));
        }
        bench.denyList().replaceAll(Map.of(out.get(2).card().image().serialNumber(), "fuzz: denied"));
        return out;
    }

    private static FaultyCard withFault(VirtualTUnionCard card, Fault fault, int ins, Random random) {
        FaultyCard faulty = new FaultyCard(card);
        switch (fault) {
            case TEAR_BEFORE:
                return faulty.tearBefore(ins);
            case TEAR_AFTER:
                return faulty.tearAfter(ins);
            case GARBAGE:
                byte[] garbage = new byte[random.nextInt(40)];
                random.nextBytes(garbage);
                return faulty.replaceResponse(ins, garbage);
            case WRONG_MAC2:
                return faulty.corruptMac2();
            default:
                return faulty;
        }
    }

    /** Each card whose purchase is still open comes back, clean, until the ledger has nothing open. */
    private static void comeBackUntilNothingIsOpen(TerminalBench bench, List<Passenger> passengers) {
        for (int round = 0; round < 3 && !bench.openIntents().isEmpty(); round++) {
            for (Passenger p : passengers) {
                if (!bench.openIntentsOf(p.card().image().serialNumber()).isEmpty()) {
                    bench.clock().advance(Duration.ofSeconds(3));
                    bench.tap(p.card());
                }
            }
        }
    }

    /** The clearing host keys a purchase by (PSAM terminal number, serial): no two rows may share one. */
    private static void assertPsamSerialsUnique(List<TapRecord> rows) {
        Set<String> seen = new HashSet<>();
        for (TapRecord r : rows) {
            if (r.psamSerial() > 0) {
                assertTrue(seen.add(r.psamTerminalNo() + "/" + r.psamSerial()), () -> "PSAM serial reused: " + r);
            }
        }
    }
}
