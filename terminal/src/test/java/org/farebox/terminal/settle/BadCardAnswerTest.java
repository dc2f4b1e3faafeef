package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.CardLedgerAssert.assertCardAgreesWithLedger;
import static org.farebox.terminal.testkit.RowAssert.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.card.CardProfile;
import org.farebox.simulator.card.FaultyCard;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.testkit.BenchOptions;
import org.farebox.terminal.testkit.Proofs;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cards that answer what they should not: garbage, short answers, wrong status words, a wrong MAC2, an
 * algorithm the terminal does not speak. The terminal never throws, never records money that did not
 * move and never loses money that did; and the same card, answering properly, pays at the next tap.
 */
class BadCardAnswerTest {
    private static final int GARBAGE_ANSWERS_PER_COMMAND = 30;

    @TempDir
    Path dir;

    /** The commands that read the card before any money can move, with the answer length a good card gives. */
    enum ReadCommand {
        SELECT(0xA4, 1, 0),
        READ_PUBLIC_DATA(0xB0, 1, 30),
        READ_MANAGEMENT(0xB0, 2, 60),
        READ_JOURNEY(0xB2, 1, 128),
        INITIALIZE_FOR_PURCHASE(0x50, 1, 15);

        final int ins;
        /** Which command with this INS in the tap gets the garbage (READ BINARY is sent twice). */
        final int occurrence;
        final int goodLength;

        ReadCommand(int ins, int occurrence, int goodLength) {
            this.ins = ins;
            this.occurrence = occurrence;
            this.goodLength = goodLength;
        }
    }

    @ParameterizedTest
    @EnumSource(ReadCommand.class)
    void garbageAnswerToAReadCommandNeverMovesMoneyAndTheCardPaysNextTime(ReadCommand command) {
        Random random = new Random(command.ordinal() * 1_000L + 17);
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            for (int i = 0; i < GARBAGE_ANSWERS_PER_COMMAND; i++) {
                VirtualTUnionCard card = bench.cards().adult(5_000);
                String serial = card.image().serialNumber();
                byte[] garbage = garbage(random, i, command.goodLength);
                AtomicInteger seen = new AtomicInteger();
                FaultyCard faulty = new FaultyCard(card).transformResponse(command.ins,
                        answer -> seen.incrementAndGet() == command.occurrence ? garbage : answer);
                faulty.times(command.occurrence);
                String what = command + " answered " + Hex.of(garbage);

                TapResult result = bench.tap(faulty);

                assertCardAgreesWithLedger(bench, card, 5_000, what);
                assertTrue(bench.openIntents().isEmpty(), what + ": open intents " + bench.openIntents());
                if (result.display().kind() == DisplayKind.PAID) {
                    // Garbage the terminal has no reason to read (an FCI it ignores) may be harmless; the card
                    // and the ledger agreeing (checked above) is what matters.
                    continue;
                }
                assertEquals(5_000, card.image().balance(), what + ": shown " + result.display());

                TapResult retap = bench.tap(faulty);

                assertEquals(Display.paid(200, 4_800, "adult"), retap.display(), what + ", then a good answer");
                assertEquals(200, bench.revenueFrom(serial), what);
                assertCardAgreesWithLedger(bench, card, 5_000, what);
            }
            assertTrue(bench.ledger().verify().intact());
        }
    }

    /** Random bytes of random length, or of the good length with 9000, or of the good length with a random SW. */
    private static byte[] garbage(Random random, int i, int goodLength) {
        int length = i % 3 == 0 ? random.nextInt(40) : goodLength;
        byte[] data = new byte[length];
        random.nextBytes(data);
        if (i % 3 == 0) {
            return data;
        }
        int sw = i % 3 == 1 ? 0x9000 : random.nextInt(0x10000);
        return Bytes.concat(data, Bytes.of(sw >> 8, sw));
    }

    @Test
    void shortAnswerToReadBinaryIsACardError() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).transformResponse(0xB0,
                    answer -> Bytes.concat(Bytes.slice(answer, 0, 12), Bytes.of(0x90, 0x00)));

            TapResult result = bench.tap(faulty);

            assertEquals(Display.cardRejected("CARD ERROR"), result.display());
            assertTrue(bench.rows().isEmpty(), "a card whose serial could not be read leaves no row");
            assertEquals(5_000, card.image().balance());
            assertEquals(Display.paid(200, 4_800, "adult"), bench.tap(faulty).display());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void shortAnswerToInitializeIsACardErrorRowWithoutDebit(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).transformResponse(0x50,
                    answer -> Bytes.concat(Bytes.slice(answer, 0, 14), Bytes.of(0x90, 0x00)));

            TapResult result = bench.tap(faulty);

            assertEquals(Display.cardRejected("CARD ERROR"), result.display());
            assertRow(single(bench)).is(Outcome.CARD_ERROR, SettlementState.NO_DEBIT).card(card.image().serialNumber())
                    .amount(0).noPsam().noProof().detailContains("14 bytes");
            assertEquals(5_000, card.image().balance());
            assertEquals(0, card.image().offlineCounter());
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @Test
    void answerWithoutAStatusWordIsTreatedAsACardThatLeft() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).replaceResponse(0xB2, Bytes.of(0x90));

            TapResult result = bench.tap(faulty);

            assertEquals(Display.tapAgain(), result.display());
            assertTrue(bench.rows().isEmpty());
            assertEquals(5_000, card.image().balance());
        }
    }

    @Test
    void fileNotFoundForThePublicDataIsACardErrorWithoutRow() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).replaceResponse(0xB0, Bytes.of(0x6A, 0x82));

            TapResult result = bench.tap(faulty);

            assertEquals(Display.cardRejected("CARD ERROR"), result.display());
            assertTrue(bench.rows().isEmpty());
            assertEquals(5_000, card.image().balance());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void memoryFailureAnsweringInitializeIsACardErrorRowWithoutDebit(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).replaceResponse(0x50, Bytes.of(0x65, 0x81));

            TapResult result = bench.tap(faulty);

            assertEquals(Display.cardRejected("CARD ERROR"), result.display());
            assertRow(single(bench)).is(Outcome.CARD_ERROR, SettlementState.NO_DEBIT).amount(0).noPsam().noProof()
                    .detailContains("6581");
            assertEquals(5_000, card.image().balance());
            assertEquals(0, card.image().offlineCounter());
            assertTrue(bench.openIntents().isEmpty());
            assertEquals(Display.paid(200, 4_800, "adult"), bench.tap(faulty).display());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void wrongMac2IsStillAPaidRideRecordedAsMac2Fail(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            FaultyCard faulty = new FaultyCard(card).corruptMac2();

            TapResult result = bench.tap(faulty);

            assertEquals(Display.paid(200, 4_800, "adult"), result.display());
            TapRecord row = single(bench);
            assertRow(row).is(Outcome.PAID, SettlementState.MAC2_FAIL).amount(200).balances(5_000, 4_800).counter(1)
                    .psam(bench.psamTerminalNo(), 1).hasProof();
            assertEquals(Proofs.expectedTac(bench.keys(), BenchOptions.KEY_INDEX, card.image().publicBasicData(), row,
                    BenchOptions.ZONE), row.tac(), "the TAC is genuine, only MAC2 is wrong");
            assertNotEquals(Hex.of(card.image().lastProof().orElseThrow().mac2()), row.mac2());
            assertEquals(4_800, card.image().balance(), "the card was debited");
            assertEquals(1, card.image().offlineCounter());
            assertEquals(200, bench.ledger().totals().revenueFen(), "a MAC2 failure is money the ledger holds");
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void cardOfAnAlgorithmTheTerminalDoesNotSpeakIsRejectedWithoutDebit(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = algorithm4Card(bench);

            TapResult result = bench.tap(card);

            assertEquals(Display.cardRejected("NOT SUPPORTED"), result.display());
            assertRow(single(bench)).is(Outcome.CARD_ERROR, SettlementState.NO_DEBIT).amount(0).balances(5_000, 5_000)
                    .counter(0).noPsam().noProof().detailContains("04");
            assertEquals(5_000, card.image().balance());
            assertEquals(0, card.image().offlineCounter());
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @Test
    void cardOfAnAlgorithmTheSoftwareSamCannotServeIsRejectedWithoutDebit() {
        try (TerminalBench bench = TerminalBench.in(dir).supportedAlgorithms(List.of(0x00, 0x04)).start()) {
            VirtualTUnionCard card = algorithm4Card(bench);

            TapResult result = bench.tap(card);

            assertEquals(Display.cardRejected("NOT SUPPORTED"), result.display());
            assertRow(single(bench)).is(Outcome.CARD_ERROR, SettlementState.NO_DEBIT).amount(0).noProof();
            assertEquals(5_000, card.image().balance());
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    private static VirtualTUnionCard algorithm4Card(TerminalBench bench) {
        CardProfile.Builder profile = bench.cards().profile(5_000).algorithmId(0x04);
        return bench.cards().issue(profile);
    }

    private static TapRecord single(TerminalBench bench) {
        List<TapRecord> rows = bench.rows();
        assertEquals(1, rows.size(), () -> "rows: " + rows);
        return rows.get(0);
    }
}
