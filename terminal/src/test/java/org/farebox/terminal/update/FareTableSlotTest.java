package org.farebox.terminal.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.FareQuote;
import org.farebox.terminal.fare.FareRequest;
import org.farebox.terminal.fare.FlatFarePolicy;
import org.farebox.terminal.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FareTableSlotTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private final Operator operator = new Operator();
    private final UpdateGate gate = operator.gate("T1");
    private final MutableClock clock = new MutableClock(NOW, ZONE);

    private FareTableSlot slot() {
        return new FareTableSlot(new FlatFarePolicy(Operator.table(1, 200)), new FlatFareTableParser(), gate, dir, clock);
    }

    private FareTableSlot.Outcome offer(FareTableSlot slot, byte[] message) throws UpdateRejectedException {
        return slot.offer(gate.check(UpdateKind.FARE_TABLE, message), message);
    }

    private static long adultFare(FareTableSlot slot) {
        FareQuote q = slot.get().quote(new FareRequest("101", 1, NOW.atZone(ZONE), 1, null));
        return q.amountFen();
    }

    @Test
    void newerTableIsInForceForTheNextQuote() throws Exception {
        FareTableSlot slot = slot();
        assertEquals(200, adultFare(slot));
        assertEquals(FareTableSlot.Outcome.ACTIVATED, offer(slot, operator.fareTable(2, 250)));
        assertEquals(2, slot.get().version());
        assertEquals(250, adultFare(slot));
    }

    @Test
    void tableValidLaterIsStagedAndTakesEffectWhenTheClockPassesValidFrom() throws Exception {
        FareTableSlot slot = slot();
        Instant from = NOW.plus(Duration.ofHours(2));
        assertEquals(FareTableSlot.Outcome.STAGED, offer(slot, operator.fareTable(2, 300, from)));
        assertEquals(1, slot.get().version());
        assertEquals(2, slot.staged().orElseThrow().version());
        clock.set(from.minusMillis(1));
        assertEquals(200, adultFare(slot));
        clock.set(from);
        assertEquals(300, adultFare(slot), "the first quote at valid_from uses the new table");
        assertTrue(slot.staged().isEmpty());
    }

    @Test
    void switchIfDueSwitchesWithoutATap() throws Exception {
        FareTableSlot slot = slot();
        Instant from = NOW.plusSeconds(60);
        offer(slot, operator.fareTable(2, 300, from));
        assertFalse(slot.switchIfDue());
        clock.advance(Duration.ofSeconds(61));
        assertTrue(slot.switchIfDue());
        assertEquals(2, slot.version());
    }

    @Test
    void olderTableIsStaleAndTheCurrentOneStays() throws Exception {
        FareTableSlot slot = slot();
        offer(slot, operator.fareTable(3, 250));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> offer(slot, operator.fareTable(2, 10)));
        assertEquals(RejectReason.STALE, e.reason());
        assertEquals(250, adultFare(slot));
    }

    @Test
    void sameMessageAgainIsADuplicateButSameVersionWithOtherContentIsStale() throws Exception {
        FareTableSlot slot = slot();
        byte[] v2 = operator.fareTable(2, 250);
        offer(slot, v2);
        assertEquals(FareTableSlot.Outcome.DUPLICATE, offer(slot, v2));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> offer(slot, operator.fareTable(2, 1)));
        assertEquals(RejectReason.STALE, e.reason());
        assertEquals(250, adultFare(slot));
    }

    @Test
    void tableWhoseOwnVersionDiffersFromTheSignedVersionIsRefused() throws Exception {
        FareTableSlot slot = slot();
        byte[] lying = operator.sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, 5, Map.of(),
                Operator.table(4, 10).toJson().getBytes(StandardCharsets.UTF_8));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> offer(slot, lying));
        assertEquals(RejectReason.INVALID_PAYLOAD, e.reason());
        assertEquals(1, slot.version());
    }

    @Test
    void tableFailingItsChecksIsNotActivated() throws Exception {
        FareTableSlot slot = slot();
        String absurd = Operator.table(2, 200).toJson().replace("\"default_fare_fen\":200", "\"default_fare_fen\":-5");
        byte[] bad = operator.sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, 2, Map.of(),
                absurd.getBytes(StandardCharsets.UTF_8));
        assertEquals(RejectReason.INVALID_PAYLOAD, assertThrows(UpdateRejectedException.class, () -> offer(slot, bad)).reason());
        byte[] badTime = operator.sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, 2, Map.of("valid_from", "tomorrow"),
                Operator.table(2, 200).toJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(RejectReason.INVALID_PAYLOAD,
                assertThrows(UpdateRejectedException.class, () -> offer(slot, badTime)).reason());
        byte[] notUtf8 = operator.sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, 2, Map.of(), new byte[] {(byte) 0xC3});
        assertEquals(RejectReason.INVALID_PAYLOAD,
                assertThrows(UpdateRejectedException.class, () -> offer(slot, notUtf8)).reason());
        assertEquals(1, slot.version());
    }

    @Test
    void restartKeepsTheActiveAndTheStagedTable() throws Exception {
        FareTableSlot first = slot();
        offer(first, operator.fareTable(2, 250));
        Instant from = NOW.plus(Duration.ofDays(1));
        offer(first, operator.fareTable(3, 400, from));
        FareTableSlot again = slot();
        assertEquals(2, again.version());
        assertEquals(new FareTableSlot.Staged(3, from), again.staged().orElseThrow());
        clock.set(from);
        assertEquals(400, adultFare(again));
        assertEquals(3, slot().version(), "the switch itself is saved too");
    }

    @Test
    void newerConfiguredTableWinsOverASavedOlderOne() throws Exception {
        offer(slot(), operator.fareTable(2, 250));
        FareTableSlot slot = new FareTableSlot(new FlatFarePolicy(Operator.table(7, 180)), new FlatFareTableParser(),
                gate, dir, clock);
        assertEquals(7, slot.version());
    }

    @Test
    void brokenOrForgedSavedTableIsSetAsideAndTheConfiguredTableIsUsed() throws Exception {
        offer(slot(), operator.fareTable(2, 250));
        Path saved = dir.resolve("faretable.active");
        byte[] bytes = Files.readAllBytes(saved);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(saved, bytes);
        FareTableSlot slot = slot();
        assertEquals(1, slot.version());
        assertFalse(Files.exists(saved));
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("faretable.active.broken")));
    }

    @Test
    void newerTableReplacesAStagedOne() throws Exception {
        FareTableSlot slot = slot();
        offer(slot, operator.fareTable(2, 300, NOW.plusSeconds(3600)));
        assertEquals(FareTableSlot.Outcome.ACTIVATED, offer(slot, operator.fareTable(3, 220)));
        assertTrue(slot.staged().isEmpty());
        clock.advance(Duration.ofHours(2));
        assertEquals(3, slot.get().version());
    }
}
