package org.farebox.terminal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.BundleFarePolicy;
import org.farebox.terminal.fare.ExampleBundles;
import org.farebox.terminal.fare.FarePolicies;
import org.farebox.terminal.fare.FareRequest;
import org.farebox.terminal.fare.FlatFarePolicy;
import org.farebox.terminal.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFareTableSlotTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private final Operator operator = new Operator();
    private final UpdateGate gate = operator.gate("T1");
    private final MutableClock clock = new MutableClock(NOW, ZONE);

    private FareTableSlot slot() {
        return new FareTableSlot(new FlatFarePolicy(Operator.table(1, 300)), new AnyFarePolicyParser(), gate, dir,
                clock);
    }

    private FareTableSlot.Outcome offer(FareTableSlot slot, byte[] message) throws UpdateRejectedException {
        return slot.offer(gate.check(UpdateKind.FARE_TABLE, message), message);
    }

    private byte[] signed(long version, byte[] payload) {
        return operator.sign(UpdateKind.FARE_TABLE, SignedUpdate.FLEET, version, Map.of(), payload);
    }

    private static long busFare(FareTableSlot slot) {
        return slot.get().quote(new FareRequest("B101", 1, "B_XIYUAN", NOW.atZone(ZONE), 1, null)).amountFen();
    }

    @Test
    void signedBundleReplacesTheFlatTable() throws Exception {
        FareTableSlot slot = slot();
        assertEquals(FareTableSlot.Outcome.ACTIVATED, offer(slot, signed(2, ExampleBundles.example(2))));
        assertInstanceOf(BundleFarePolicy.class, slot.get());
        assertEquals(2, slot.version());
        assertEquals(200, busFare(slot));
    }

    @Test
    void brokenBundleIsNotActivatedAndTheTerminalKeepsItsTable() throws Exception {
        FareTableSlot slot = slot();
        byte[] bundle = ExampleBundles.example(2);
        bundle[bundle.length / 2] ^= 0x01;
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> offer(slot, signed(2, bundle)));
        assertEquals(RejectReason.INVALID_PAYLOAD, e.reason());
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(ExampleBundles.example(2), 40);
        assertEquals(RejectReason.INVALID_PAYLOAD,
                assertThrows(UpdateRejectedException.class, () -> offer(slot, signed(2, truncated))).reason());
        assertEquals(1, slot.version());
        assertEquals(300, busFare(slot));
    }

    @Test
    void bundleWhoseVersionDiffersFromTheSignedVersionIsRefused() throws Exception {
        FareTableSlot slot = slot();
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class,
                () -> offer(slot, signed(5, ExampleBundles.example(4))));
        assertEquals(RejectReason.INVALID_PAYLOAD, e.reason());
        assertEquals(1, slot.version());
    }

    @Test
    void configuredFareTableFileMayBeABundle() throws Exception {
        Path file = dir.resolve("fares.fbft");
        Files.write(file, ExampleBundles.example(3));
        assertInstanceOf(BundleFarePolicy.class, FarePolicies.load(file));
        Path flat = dir.resolve("fares.json");
        Files.writeString(flat, Operator.table(4, 250).toJson());
        assertInstanceOf(FlatFarePolicy.class, FarePolicies.load(flat));
        Path broken = dir.resolve("broken.fbft");
        Files.write(broken, java.util.Arrays.copyOf(ExampleBundles.example(3), 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FarePolicies.load(broken));
        assertTrue(e.getMessage().contains("broken.fbft"), e.getMessage());
    }
}
