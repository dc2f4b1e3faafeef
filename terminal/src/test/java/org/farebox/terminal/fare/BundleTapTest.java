package org.farebox.terminal.fare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.farebox.fare.card.CardJourneyState;
import org.farebox.fare.card.CardStateRead;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.settle.TapResult;
import org.farebox.terminal.testkit.BenchOptions;
import org.farebox.terminal.testkit.MutableClock;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taps priced from a compiled bundle of the example network, with the state going through the virtual cards. */
class BundleTapTest {
    @TempDir
    Path dir;
    private final List<TerminalBench> benches = new java.util.ArrayList<>();

    @AfterEach
    void closeBenches() {
        benches.forEach(TerminalBench::close);
    }

    private TerminalBench bus(String name, String terminalNumberHex, String stopId, FarePolicy policy,
            MutableClock clock) throws Exception {
        BenchOptions o = TerminalBench.in(Files.createDirectories(dir.resolve(name))).sam(SamKind.SOFT)
                .terminal(name, terminalNumberHex).location("B101", stopId).fares(policy);
        if (!benches.isEmpty()) {
            o.keys(benches.get(0).keys());
        }
        if (clock != null) {
            o.clock(clock);
        }
        TerminalBench b = o.start();
        benches.add(b);
        return b;
    }

    private static void at(MutableClock clock, String localTime) {
        clock.set(LocalDateTime.parse(localTime).atZone(BenchOptions.ZONE).toInstant());
    }

    private static TapRecord last(TapResult r) {
        return r.rows().get(r.rows().size() - 1);
    }

    private static long paid(TerminalBench bench, VirtualTUnionCard card) {
        TapResult r = bench.tap(card);
        TapRecord row = last(r);
        assertEquals(Outcome.PAID, row.outcome(), () -> "tap not paid: " + r.display() + " " + row.detail());
        return row.amountFen();
    }

    private static CardStateRead stateOn(VirtualTUnionCard card) {
        return CardJourneyState.readFrom(card.image().journey().encode());
    }

    @Test
    void busFareComesFromTheCardTypeAdultStudentHalfSeniorFree() throws Exception {
        TerminalBench b = bus("BUS-1", "000051010001", "B_XIYUAN", ExampleBundle.policy(), null);
        VirtualTUnionCard adult = b.cards().adult(1000);
        VirtualTUnionCard student = b.cards().student(1000);
        VirtualTUnionCard senior = b.cards().senior(1000);
        assertEquals(200, paid(b, adult));
        assertEquals(800, adult.image().balance());
        assertEquals(100, paid(b, student));
        assertEquals(0, paid(b, senior));
        assertEquals(1000, senior.image().balance());
        TapRecord studentRow = b.rowsOf(student.image().serialNumber()).get(0);
        assertEquals("student", studentRow.riderCategory());
        assertTrue(studentRow.detail().contains("product=bus_flat"), studentRow.detail());
        CardStateRead state = stateOn(adult);
        assertEquals(CardStateRead.Status.OK, state.status());
        assertEquals(200, state.state().dayTotalFen());
        assertEquals(JourneyRecord.STATE_BOARDED, adult.image().journey().state());
    }

    @Test
    void transferDiscountOnAnotherVehicleWithinNinetyMinutesOnlyFromTheCardBytes() throws Exception {
        Path feed = Files.createDirectories(dir.resolve("feed"));
        BundleFarePolicy policy = ExampleBundle.withBusTransfer(feed);
        TerminalBench first = bus("BUS-1", "000051010001", "B_XIYUAN", policy, null);
        TerminalBench second = bus("BUS-2", "000051010002", "B_WENSHU", policy, first.clock());
        VirtualTUnionCard card = first.cards().adult(2000);
        at(first.clock(), "2025-06-03T08:00:00");
        assertEquals(200, paid(first, card));
        at(first.clock(), "2025-06-03T09:29:00");
        assertEquals(100, paid(second, card), "bus 2.00 - 1.00 transfer + 2.00, less the 2.00 paid");
        assertTrue(second.rowsOf(card.image().serialNumber()).get(0).detail().contains("transfer=bus_metro_transfer"));
        at(first.clock(), "2025-06-03T09:35:00");
        assertEquals(200, paid(first, card), "the bus-bus rule allows one transfer: the third bus is full fare");
        // A transfer after 90 minutes is none.
        VirtualTUnionCard late = first.cards().adult(2000);
        at(first.clock(), "2025-06-03T12:00:00");
        assertEquals(200, paid(first, late));
        at(first.clock(), "2025-06-03T13:31:00");
        assertEquals(200, paid(second, late));
    }

    @Test
    void dailyCapAcrossTerminalsIsCarriedByTheCard() throws Exception {
        FarePolicy policy = ExampleBundle.policy();
        TerminalBench a = bus("BUS-1", "000051010001", "B_XIYUAN", policy, null);
        TerminalBench b = bus("BUS-2", "000051010002", "B_WENSHU", policy, a.clock());
        VirtualTUnionCard card = a.cards().adult(5000);
        long total = 0;
        for (int i = 0; i < 7; i++) {
            at(a.clock(), "2025-06-03T08:00:00");
            a.clock().advance(Duration.ofMinutes(20L * i));
            total += paid(i % 2 == 0 ? a : b, card);
        }
        assertEquals(1200, total, "6 rides of 2.00 reach the 12.00 daily cap; the 7th is free");
        assertEquals(5000 - 1200, card.image().balance());
        assertEquals(1200, stateOn(card).state().dayTotalFen());
        TapRecord capped = last(b.tap(withClock(a, "2025-06-03T11:00:00", card)));
        assertEquals(0, capped.amountFen());
        assertTrue(capped.detail().contains("cap=daily_adult"), capped.detail());
    }

    @Test
    void transportDayStartsAtFourThirty() throws Exception {
        TerminalBench a = bus("BUS-1", "000051010001", "B_XIYUAN", ExampleBundle.policy(), null);
        VirtualTUnionCard card = a.cards().adult(5000);
        for (int i = 0; i < 6; i++) {
            at(a.clock(), "2025-06-03T20:00:00");
            a.clock().advance(Duration.ofMinutes(30L * i));
            paid(a, card);
        }
        at(a.clock(), "2025-06-04T04:29:00");
        assertEquals(0, paid(a, card), "04:29 still belongs to the capped transport day of the 3rd");
        at(a.clock(), "2025-06-04T04:30:00");
        assertEquals(200, paid(a, card), "04:30 starts the 4th: the cap starts afresh");
        assertEquals(200, stateOn(card).state().dayTotalFen());
    }

    @Test
    void blankOrForeignJourneyRecordIsPricedAsAFreshJourney() throws Exception {
        TerminalBench a = bus("BUS-1", "000051010001", "B_XIYUAN", ExampleBundle.policy(), null);
        VirtualTUnionCard blank = a.cards().adult(1000);
        assertEquals(CardStateRead.Status.BLANK, stateOn(blank).status());
        assertEquals(200, paid(a, blank));
        byte[] foreign = JourneyRecord.empty().encode();
        for (int i = 58; i < 96; i++) {
            foreign[i] = (byte) (0x30 + i % 10); // another operator's alighting data
        }
        VirtualTUnionCard other = withJourney(a.cards().adult(1000), foreign);
        assertEquals(CardStateRead.Status.FOREIGN, stateOn(other).status());
        assertEquals(200, paid(a, other));
        assertEquals(CardStateRead.Status.OK, stateOn(other).status());
        byte[] corrupt = blank.image().journey().encode();
        corrupt[80] ^= 0x5A; // a torn or damaged Farebox block: the CRC no longer matches
        VirtualTUnionCard damaged = withJourney(a.cards().adult(1000), corrupt);
        assertEquals(CardStateRead.Status.CORRUPT, stateOn(damaged).status());
        a.clock().advance(Duration.ofMinutes(5));
        assertEquals(200, paid(a, damaged));
        assertEquals(200, stateOn(damaged).state().dayTotalFen(), "counted from zero, not from the damaged bytes");
    }

    @Test
    void legWithoutFareIsRefusedAndNotCharged() throws Exception {
        TerminalBench a = bus("BUS-1", "000051010001", "B_XIYUAN", ExampleBundle.policy(), null);
        benches.clear();
        a.close();
        BenchOptions o = TerminalBench.in(Files.createDirectories(dir.resolve("unknown"))).sam(SamKind.SOFT)
                .location("NO_SUCH_ROUTE", "B_XIYUAN").fares(ExampleBundle.policy());
        TerminalBench b = o.start();
        benches.add(b);
        VirtualTUnionCard card = b.cards().adult(1000);
        TapResult r = b.tap(card);
        assertEquals(DisplayKind.CARD_REJECTED, r.display().kind());
        assertEquals("NO FARE", r.display().detail());
        assertEquals(Outcome.NO_FARE, last(r).outcome());
        assertEquals(1000, card.image().balance());
    }

    @Test
    void secondTapOnTheSameTerminalWithinThePassbackWindowIsNotCharged() throws Exception {
        TerminalBench a = bus("BUS-1", "000051010001", "B_XIYUAN", ExampleBundle.policy(), null);
        TerminalBench b = bus("BUS-2", "000051010002", "B_WENSHU", ExampleBundle.policy(), a.clock());
        VirtualTUnionCard card = a.cards().adult(1000);
        assertEquals(200, paid(a, card));
        a.clock().advance(Duration.ofSeconds(10));
        TapResult again = a.tap(card);
        assertEquals("ALREADY PAID", again.display().detail());
        assertEquals(Outcome.PASSBACK, last(again).outcome());
        assertEquals(800, card.image().balance());
        assertEquals(200, paid(b, card), "another terminal is another ride");
        a.clock().advance(Duration.ofSeconds(25));
        assertEquals(200, paid(a, card), "35 s after the first tap the window is over");
        assertEquals(400, card.image().balance());
    }

    private static VirtualTUnionCard withClock(TerminalBench bench, String localTime, VirtualTUnionCard card) {
        at(bench.clock(), localTime);
        return card;
    }

    private static VirtualTUnionCard withJourney(VirtualTUnionCard card, byte[] record) {
        String json = card.image().toJson().replaceAll("\"journey_1a\"\\s*:\\s*\"[0-9A-Fa-f]*\"",
                "\"journey_1a\":\"" + Hex.of(record) + "\"");
        assertFalse(json.equals(card.image().toJson()) && !Hex.of(record).equals(Hex.of(card.image().journey().encode())),
                "the journey record should have been replaced");
        return new VirtualTUnionCard(CardImage.fromJson(json));
    }
}
