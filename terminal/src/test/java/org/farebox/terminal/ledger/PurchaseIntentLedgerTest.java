package org.farebox.terminal.ledger;

import static org.farebox.terminal.ledger.LedgerFixtures.intent;
import static org.farebox.terminal.ledger.LedgerFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurchaseIntentLedgerTest {

    @TempDir
    Path dir;

    @Test
    void recordedIntentsSurviveReopenOldestFirst() {
        Path file = dir.resolve("ledger.db");
        PurchaseIntent a;
        PurchaseIntent b;
        try (SqliteLedger ledger = open(file)) {
            a = ledger.recordIntent(intent(1));
            b = ledger.recordIntent(intent(2));
        }
        try (SqliteLedger ledger = open(file)) {
            assertEquals(List.of(a, b), ledger.openIntents());
            assertTrue(a.id() > 0 && b.id() > a.id());
            assertEquals(IntentState.PENDING, a.state());
            assertEquals(LedgerFixtures.TERMINAL, a.terminalId());
            assertNull(a.expiresAt());
        }
    }

    @Test
    void markDebitedKeepsTacAndMac2() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            long id = ledger.recordIntent(intent(1)).id();
            ledger.markDebited(id, "0A0B0C0D", "01020304");
            PurchaseIntent debited = ledger.openIntents().get(0);
            assertEquals(IntentState.DEBITED, debited.state());
            assertEquals("0A0B0C0D", debited.tac());
            assertEquals("01020304", debited.mac2());
        }
    }

    @Test
    void markUncertainKeepsTheExpiry() {
        Instant expiry = Instant.parse("2025-03-01T08:00:00Z");
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            long id = ledger.recordIntent(intent(1)).id();
            ledger.markUncertain(id, expiry);
            PurchaseIntent uncertain = ledger.openIntents().get(0);
            assertEquals(IntentState.UNCERTAIN, uncertain.state());
            assertEquals(expiry, uncertain.expiresAt());
        }
    }

    @Test
    void aDebitedIntentCannotBecomeUncertain() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            long id = ledger.recordIntent(intent(1)).id();
            ledger.markDebited(id, "0A0B0C0D", "01020304");
            assertThrows(IllegalStateException.class, () -> ledger.markUncertain(id, Instant.now()));
            assertEquals(IntentState.DEBITED, ledger.openIntents().get(0).state());
        }
    }

    @Test
    void resolveAppendsTheRowAndRemovesTheIntentTogether() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            PurchaseIntent open = ledger.recordIntent(intent(1));
            ledger.markDebited(open.id(), "0A0B0C0D", "01020304");
            TapRecord row = ledger.resolve(open.id(), TapRecord.draft().from(open).time(open.createdAt())
                    .balanceAfterFen(4800).tac("0A0B0C0D").mac2("01020304").outcome(Outcome.PAID)
                    .state(SettlementState.COMPLETE).build());
            assertEquals(1, row.sequence());
            assertEquals(open.cardSerial(), row.cardSerial());
            assertEquals(List.of(), ledger.openIntents());
            assertEquals(1, ledger.size());
        }
    }

    @Test
    void resolvingAnUnknownIntentWritesNothing() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ledger.resolve(77, LedgerFixtures.paid(1)));
            assertTrue(e.getMessage().contains("77"), e.getMessage());
            assertEquals(0, ledger.size());
            assertEquals(1, ledger.append(LedgerFixtures.paid(2)).sequence());
        }
    }

    @Test
    void resolvingWithAnotherCardsRowWritesNothingAndKeepsTheIntent() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            PurchaseIntent open = ledger.recordIntent(intent(1));
            assertThrows(IllegalArgumentException.class, () -> ledger.resolve(open.id(), LedgerFixtures.paid(2)));
            assertEquals(List.of(open), ledger.openIntents());
            assertEquals(0, ledger.size());
        }
    }

    @Test
    void idsAreNotReusedAfterResolve() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            PurchaseIntent first = ledger.recordIntent(intent(1));
            ledger.resolve(first.id(), LedgerFixtures.paid(1));
            PurchaseIntent second = ledger.recordIntent(intent(1));
            assertTrue(second.id() > first.id());
        }
    }

    @Test
    void malformedIntentsAreRefusedWithTheFieldNamed() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            PurchaseIntent badDate = PurchaseIntent.pending().createdAt(Instant.EPOCH).amountFen(100)
                    .cardRandom("A1B2C3D4").dateTime("2025-03-01").build();
            PurchaseIntent badRandom = PurchaseIntent.pending().createdAt(Instant.EPOCH).amountFen(100)
                    .cardRandom("XYZ").dateTime("20250301073000").build();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ledger.recordIntent(badDate))
                    .getMessage().contains("dateTime"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ledger.recordIntent(badRandom))
                    .getMessage().contains("cardRandom"));
            long id = ledger.recordIntent(intent(1)).id();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ledger.markDebited(id, "12", "01020304"))
                    .getMessage().contains("TAC"));
            assertEquals(IntentState.PENDING, ledger.openIntents().get(0).state());
            assertEquals(1, ledger.openIntents().size());
        }
    }

    @Test
    void markingAnUnknownIntentFails() {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            assertThrows(IllegalArgumentException.class, () -> ledger.markDebited(5, "0A0B0C0D", "01020304"));
            assertThrows(IllegalArgumentException.class, () -> ledger.markUncertain(5, Instant.EPOCH));
        }
    }
}
