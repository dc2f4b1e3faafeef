package org.farebox.terminal.settle;

import static org.farebox.terminal.testkit.RowAssert.assertRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.protocol.pboc.PurseLogRecord;
import org.farebox.protocol.pboc.TUnion;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.PurchaseAuthorization;
import org.farebox.terminal.sam.PurchaseRequest;
import org.farebox.terminal.sam.SoftSam;
import org.farebox.terminal.testkit.BenchOptions;
import org.farebox.terminal.testkit.Proofs;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cards that pay: what the passenger sees, what the ledger holds and what the card itself records. */
class HappyPathTapTest {
    /** 2025-06-02 08:00 in Shanghai, the bench's start time. */
    private static final LocalDateTime BOARDING = LocalDateTime.of(2025, 6, 2, 8, 0);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void adultPaysTheFullFareAndTheRowCarriesTheCardsOwnTac(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);

            TapResult result = bench.tap(card);

            Display paid = Display.paid(200, 4_800, "adult");
            assertEquals(paid, result.display());
            assertFalse(paid.isConcession());
            assertEquals(List.of(paid), bench.hmi().shown());
            List<TapRecord> rows = bench.rows();
            assertEquals(1, rows.size());
            assertEquals(rows, result.rows());
            TapRecord row = rows.get(0);
            assertRow(row).is(Outcome.PAID, SettlementState.COMPLETE).card(card.image().serialNumber())
                    .category("adult").amount(200).balances(5_000, 4_800).counter(1).psam(bench.psamTerminalNo(), 1)
                    .hasProof().transactionType(TUnion.TYPE_CAPP_PURCHASE);
            PublicBasicData pub = card.image().publicBasicData();
            String expectedTac = Proofs.expectedTac(bench.keys(), BenchOptions.KEY_INDEX, pub, row, BenchOptions.ZONE);
            assertEquals(expectedTac, row.tac());
            assertEquals(Hex.of(card.image().lastProof().orElseThrow().tac()), row.tac());
            assertEquals(Hex.of(card.image().lastProof().orElseThrow().mac2()), row.mac2());
            assertEquals(4_800, card.image().balance());
            assertEquals(1, card.image().offlineCounter());
            assertTrue(bench.openIntents().isEmpty());
        }
    }

    @Test
    void softSamRecomputesTheTacTheCardReturned() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);

            TapRecord row = bench.tap(card).rows().get(0);

            PublicBasicData pub = card.image().publicBasicData();
            PurchaseRequest request = new PurchaseRequest(new byte[4], 0, 200, TUnion.TYPE_CAPP_PURCHASE,
                    Bcd.dateTime(BOARDING), 1, 0, pub.diversificationFactor(), pub.issuerId());
            PurchaseAuthorization firstSerial = new PurchaseAuthorization(request, 1, new byte[4], 0);
            byte[] expected = ((SoftSam) bench.sam()).expectedTac(firstSerial);
            assertEquals(Hex.of(expected), row.tac());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void studentPaysHalfAndTheDriverSeesAConcession(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().student(1_000);

            TapResult result = bench.tap(card);

            assertEquals(Display.paid(100, 900, "student"), result.display());
            assertTrue(result.display().isConcession());
            assertEquals("STUDENT", result.display().categoryLabel());
            TapRecord row = bench.rows().get(0);
            assertRow(row).is(Outcome.PAID, SettlementState.COMPLETE).category("student").amount(100)
                    .balances(1_000, 900).counter(1).psam(bench.psamTerminalNo(), 1).hasProof();
            assertEquals(Proofs.expectedTac(bench.keys(), BenchOptions.KEY_INDEX, card.image().publicBasicData(), row,
                    BenchOptions.ZONE), row.tac());
            assertEquals(900, card.image().balance());
            assertEquals(1, card.image().offlineCounter());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void seniorRidesFreeButStillMakesASignedPurchase(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().senior(300);

            TapResult result = bench.tap(card);

            assertEquals(Display.paid(0, 300, "senior"), result.display());
            assertTrue(result.display().isConcession());
            TapRecord row = bench.rows().get(0);
            assertRow(row).is(Outcome.PAID, SettlementState.COMPLETE).category("senior").amount(0).balances(300, 300)
                    .counter(1).psam(bench.psamTerminalNo(), 1).hasProof();
            assertEquals(Proofs.expectedTac(bench.keys(), BenchOptions.KEY_INDEX, card.image().publicBasicData(), row,
                    BenchOptions.ZONE), row.tac());
            assertEquals(300, card.image().balance());
            assertEquals(1, card.image().offlineCounter(), "a free ride is still a purchase on the card");
            assertEquals(0, card.image().purseLog().get(0).amount());
        }
    }

    @Test
    void cappPurchaseWritesTheBoardingIntoTheCardsJourneyRecord() {
        try (TerminalBench bench = TerminalBench.start(dir, SamKind.SOFT)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);
            assertEquals(JourneyRecord.STATE_INITIAL, card.image().journey().state());

            bench.tap(card);

            JourneyRecord journey = card.image().journey();
            assertEquals(JourneyRecord.STATE_BOARDED, journey.state());
            assertEquals(101, journey.boardingLine());
            assertEquals(3, journey.boardingStop());
            assertEquals(BOARDING, journey.boardingTime());
            assertEquals(200, journey.amount());
            assertEquals("0000" + bench.psamTerminalNo(), Hex.of(journey.boardingTerminal()));
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void theCardsPurseLogRecordsThePurchaseTheLedgerRecords(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard card = bench.cards().adult(5_000);

            TapRecord row = bench.tap(card).rows().get(0);

            List<PurseLogRecord> log = card.image().purseLog();
            assertEquals(1, log.size());
            PurseLogRecord entry = log.get(0);
            assertEquals(row.cardCounter() - 1, entry.counter(), "the log holds the counter the purchase used");
            assertEquals(row.amountFen(), entry.amount());
            assertEquals(row.transactionType(), entry.transactionType());
            assertArrayEquals(Hex.parse(row.psamTerminalNo()), entry.terminalNo());
            assertEquals(BOARDING, entry.time());
        }
    }

    @Test
    void withoutCappThePurchaseIsTypeSixAndTheJourneyRecordIsLeftAlone() {
        try (TerminalBench bench = TerminalBench.in(dir).capp(false).start()) {
            VirtualTUnionCard card = bench.cards().adult(5_000);

            TapResult result = bench.tap(card);

            assertEquals(Display.paid(200, 4_800, "adult"), result.display());
            assertRow(bench.rows().get(0)).is(Outcome.PAID, SettlementState.COMPLETE).amount(200)
                    .transactionType(TUnion.TYPE_PURCHASE).hasProof();
            assertEquals(JourneyRecord.STATE_INITIAL, card.image().journey().state());
            assertEquals(TUnion.TYPE_PURCHASE, card.image().purseLog().get(0).transactionType());
        }
    }

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void nextCardGetsTheNextPsamSerialAndLedgerSequenceAndTheChainVerifies(SamKind kind) {
        try (TerminalBench bench = TerminalBench.start(dir, kind)) {
            VirtualTUnionCard first = bench.cards().adult(5_000);
            VirtualTUnionCard second = bench.cards().adult(700);

            bench.tap(first);
            bench.clock().advance(java.time.Duration.ofSeconds(4));
            bench.tap(second);

            List<TapRecord> rows = bench.rows();
            assertEquals(2, rows.size());
            assertEquals(1, rows.get(0).sequence());
            assertEquals(2, rows.get(1).sequence());
            assertEquals(rows.get(0).hash(), rows.get(1).prevHash());
            assertRow(rows.get(0)).card(first.image().serialNumber()).psam(bench.psamTerminalNo(), 1);
            assertRow(rows.get(1)).card(second.image().serialNumber()).psam(bench.psamTerminalNo(), 2)
                    .balances(700, 500).counter(1);
            if (kind == SamKind.PSAM) {
                assertEquals(2, bench.virtualPsam().lastTransactionSerial());
            }
            ChainCheck chain = bench.ledger().verify();
            assertTrue(chain.intact(), chain.message());
            assertEquals(2, chain.rows());
            assertEquals(400, bench.ledger().totals().revenueFen());
        }
    }
}
