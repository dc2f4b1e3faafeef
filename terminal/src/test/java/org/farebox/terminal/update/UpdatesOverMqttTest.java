package org.farebox.terminal.update;

import static org.farebox.terminal.update.FleetWatch.hasRejection;
import static org.farebox.terminal.update.FleetWatch.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.farebox.protocol.deny.DenyReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.protocol.sync.Topics;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.deny.DenyListStore;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.settle.TapProcessor;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator updates through a real Mosquitto, from the operator's publish to the tap that uses them. */
class UpdatesOverMqttTest {
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final Operator operator = new Operator();
    private final Topics topics = new Topics(Operator.ID);
    private MosquittoBroker broker;
    private FleetWatch fleet;

    @BeforeEach
    void startBroker() throws Exception {
        broker = MosquittoBroker.builder().start();
        fleet = new FleetWatch(broker.url());
    }

    @AfterEach
    void stopBroker() {
        fleet.close();
        broker.close();
    }

    private static long fareOf(TapRecord row) {
        return row.amountFen();
    }

    @Test
    void publishedFareTableIsUsedForTheNextTapAndShownInTheStatus() throws Exception {
        try (TerminalBench bench = TerminalBench.start(dir.resolve("bench"), SamKind.SOFT);
                DenyListStore deny = DenyListStore.open(dir.resolve("deny"));
                RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"),
                        new DenyListStoreTarget(deny), CommandActions.unsupported(), bench.clock(), STATUS_INTERVAL)) {
            TapProcessor processor = new TapProcessor(bench.settings(), bench.sam(), bench.ledger(), bench.denyList(),
                    t1.updates.fares(), bench.hmi(), bench.clock());
            fleet.awaitStatus("T1", "fare table v1", s -> version(s, "fare_table") == 1);
            fleet.publish(topics.fleetFareTable(), operator.fareTable(2, 250), true);
            fleet.awaitStatus("T1", "fare table v2", s -> version(s, "fare_table") == 2);
            VirtualTUnionCard card = bench.cards().adult(1_000);
            TapRecord row = processor.process(new DirectCardLink(card)).rows().get(0);
            assertEquals(Outcome.PAID, row.outcome());
            assertEquals(2, row.fareTableVersion());
            assertEquals(250, fareOf(row));
        }
    }

    @Test
    void stagedFareTableIsReportedAndSwitchesAtValidFromWithoutATap() throws Exception {
        try (TerminalBench bench = TerminalBench.start(dir.resolve("bench"), SamKind.SOFT);
                DenyListStore deny = DenyListStore.open(dir.resolve("deny"));
                RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"),
                        new DenyListStoreTarget(deny), CommandActions.unsupported(), bench.clock(), STATUS_INTERVAL)) {
            Instant from = bench.clock().instant().plus(Duration.ofDays(1));
            fleet.publish(topics.fleetFareTable(), operator.fareTable(3, 300, from), true);
            Map<String, Object> staged = fleet.awaitStatus("T1", "a staged table",
                    s -> ((Map<?, ?>) s.get("versions")).get("fare_table_staged") != null);
            assertEquals(Map.of("version", 3L, "valid_from", from.toString()),
                    ((Map<?, ?>) staged.get("versions")).get("fare_table_staged"));
            assertEquals(1, version(staged, "fare_table"));
            bench.clock().set(from);
            fleet.awaitStatus("T1", "fare table v3 in force", s -> version(s, "fare_table") == 3);
            assertEquals(3, t1.updates.fares().get().version());
        }
    }

    @Test
    void forgedReplayedTruncatedAndGarbageMessagesAreRefusedReportedAndTheNextGoodOneApplies() throws Exception {
        try (DenyListStore deny = DenyListStore.open(dir.resolve("deny"));
                RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"),
                        new DenyListStoreTarget(deny), CommandActions.unsupported(), java.time.Clock.systemUTC(),
                        STATUS_INTERVAL)) {
            byte[] v1 = operator.fareTable(1, 200);
            fleet.publish(topics.fleetFareTable(), operator.fareTable(2, 250), true);
            fleet.awaitStatus("T1", "fare table v2", s -> version(s, "fare_table") == 2);

            fleet.publish(topics.fleetFareTable(), Operator.forger().fareTable(9, 1), true);
            byte[] altered = operator.fareTable(8, 1);
            altered[altered.length - 100] ^= 0x20;
            fleet.publish(topics.fleetFareTable(), altered, false);
            fleet.publish(topics.fleetFareTable(), v1, false);
            fleet.publish(topics.fleetDenyList(), operator.denySnapshot(1, Map.of()), true);
            fleet.awaitStatus("T1", "deny list v1", st -> version(st, "deny_list") == 1);
            byte[] delta = operator.denyDelta(2, Map.of("31045101000000000001", DenyReason.LOST), List.of());
            fleet.publish(topics.fleetDenyList(), Arrays.copyOf(delta, delta.length - 10), false);
            byte[] payload = Operator.deltaPayload(2, Map.of("31045101000000000001", DenyReason.LOST), List.of());
            fleet.publish(topics.fleetDenyList(), operator.denyList("delta", 2,
                    Arrays.copyOf(payload, payload.length - 4)), false);
            byte[] garbage = new byte[10 << 20];
            new Random(3).nextBytes(garbage);
            fleet.publish(topics.fleetFareTable(), garbage, false);
            fleet.publish(topics.fleetDenyList(), garbage, false);
            fleet.publish(topics.fleetKeys(), garbage, false);

            Map<String, Object> s = fleet.awaitStatus("T1", "eight refusals",
                    st -> (Long) st.get("rejected_total") == 8);
            assertTrue(hasRejection(s, topics.fleetFareTable(), "UNKNOWN_KEY"), s.toString());
            assertTrue(hasRejection(s, topics.fleetFareTable(), "BAD_SIGNATURE"), s.toString());
            assertTrue(hasRejection(s, topics.fleetFareTable(), "STALE"), s.toString());
            assertTrue(hasRejection(s, topics.fleetDenyList(), "MALFORMED"), s.toString());
            assertTrue(hasRejection(s, topics.fleetDenyList(), "INVALID_PAYLOAD"), s.toString());
            assertTrue(hasRejection(s, topics.fleetFareTable(), "OVERSIZE"), s.toString());
            assertTrue(hasRejection(s, topics.fleetKeys(), "OVERSIZE"), s.toString());
            assertEquals(3, ((java.util.List<?>) s.get("rejections")).stream()
                    .filter(r -> ((Map<?, ?>) r).get("topic").equals(topics.fleetDenyList())).count(),
                    "the two truncated deltas and the 10 MB garbage");
            assertEquals(2, version(s, "fare_table"));
            assertEquals(1, version(s, "deny_list"));
            assertEquals(0, version(s, "keys"));
            assertEquals(2, t1.updates.fares().get().version());
            assertEquals(0, deny.size());
            fleet.publish(topics.fleetDenyList(), delta, false);

            fleet.publish(topics.fleetFareTable(), operator.fareTable(3, 280), true);
            fleet.publish(topics.fleetKeys(), operator.keySet(1, "qr-a"), true);
            fleet.awaitStatus("T1", "fare table v3, deny list v2 and keys v1", st -> version(st, "fare_table") == 3
                    && version(st, "deny_list") == 2 && version(st, "keys") == 1);
            assertTrue(deny.isDenied("31045101000000000001"));
        }
    }

    @Test
    void cardDeniedByADeltaIsRefusedAtItsNextTapOnEveryTerminal() throws Exception {
        try (TerminalBench one = TerminalBench.start(dir.resolve("one"), SamKind.SOFT);
                TerminalBench two = one.anotherTerminal(dir.resolve("two"), "T2", "000000000002");
                RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"),
                        new DenyListStoreTarget(one.denyList()), CommandActions.unsupported(), one.clock(), STATUS_INTERVAL);
                RunningTerminal t2 = new RunningTerminal("T2", operator, broker.url(), dir.resolve("t2"),
                        new DenyListStoreTarget(two.denyList()), CommandActions.unsupported(), two.clock(), STATUS_INTERVAL)) {
            VirtualTUnionCard card = one.cards().adult(1_000);
            VirtualTUnionCard other = one.cards().adult(1_000);
            String serial = card.image().serialNumber();
            fleet.publish(topics.fleetDenyList(), operator.denySnapshot(1, Map.of()), true);
            assertEquals(Outcome.PAID, one.tap(card).rows().get(0).outcome());
            assertEquals(Outcome.PAID, two.tap(other).rows().get(0).outcome());
            byte[] delta = operator.denyDelta(2, Map.of(serial, DenyReason.LOST, other.image().serialNumber(),
                    DenyReason.STOLEN), List.of());
            fleet.publish(topics.fleetDenyList(), delta, false);
            fleet.awaitStatus("T1", "deny list v2", s -> version(s, "deny_list") == 2);
            fleet.awaitStatus("T2", "deny list v2", s -> version(s, "deny_list") == 2);
            one.clock().advance(Duration.ofMinutes(10));
            assertEquals(Outcome.DENIED, one.tap(card).rows().get(0).outcome());
            assertEquals(Outcome.DENIED, two.tap(other).rows().get(0).outcome());
        }
    }

    @Test
    void deltaGapFallsBackToTheRetainedSnapshotAndEndsAtTheNewestVersion() throws Exception {
        String a = "31045101000000000001";
        String c = "31045101000000000003";
        String d = "31045101000000000004";
        AtomicInteger snapshotFailures = new AtomicInteger(1);
        try (DenyListStore deny = DenyListStore.open(dir.resolve("deny"))) {
            DenyListStoreTarget store = new DenyListStoreTarget(deny);
            // The store fails once on the v3 snapshot (a full disk, say): the terminal stays at v1 and the only
            // way to v3 is the retained snapshot that the gap asks the broker for again.
            DenyListTarget flaky = new DenyListTarget() {
                @Override
                public long version() {
                    return store.version();
                }

                @Override
                public boolean applySnapshot(long v, byte[] payload) throws UpdateRejectedException {
                    if (v == 3 && snapshotFailures.getAndDecrement() > 0) {
                        throw new IllegalStateException("disk full");
                    }
                    return store.applySnapshot(v, payload);
                }

                @Override
                public void applyDelta(long v, byte[] payload) throws UpdateRejectedException {
                    store.applyDelta(v, payload);
                }
            };
            try (RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"), flaky,
                    CommandActions.unsupported(), java.time.Clock.systemUTC(), STATUS_INTERVAL)) {
                fleet.publish(topics.fleetDenyList(), operator.denySnapshot(1, Map.of(a, DenyReason.LOST)), true);
                fleet.awaitStatus("T1", "deny list v1", s -> version(s, "deny_list") == 1);
                fleet.publish(topics.fleetDenyList(), operator.denySnapshot(3, Map.of(a, DenyReason.LOST,
                        c, DenyReason.STOLEN)), true);
                fleet.awaitStatus("T1", "the v3 snapshot refused", s -> (Long) s.get("rejected_total") == 1);
                fleet.publish(topics.fleetDenyList(), operator.denyDelta(4, Map.of(d, DenyReason.FRAUD), List.of()),
                        false);
                Map<String, Object> s = fleet.awaitStatus("T1", "deny list v3 from the retained snapshot",
                        st -> version(st, "deny_list") == 3);
                assertTrue(hasRejection(s, topics.fleetDenyList(), "GAP"), s.toString());
                assertTrue(deny.isDenied(c));
                // What the publisher sends for the next versions: delta, then the retained snapshot.
                fleet.publish(topics.fleetDenyList(), operator.denyDelta(4, Map.of(d, DenyReason.FRAUD), List.of()),
                        false);
                fleet.publish(topics.fleetDenyList(), operator.denySnapshot(4, Map.of(a, DenyReason.LOST,
                        c, DenyReason.STOLEN, d, DenyReason.FRAUD)), true);
                fleet.publish(topics.fleetDenyList(), operator.denyDelta(5, Map.of(), List.of(a)), false);
                fleet.awaitStatus("T1", "deny list v5", st -> version(st, "deny_list") == 5);
                assertEquals(2, deny.size(), "v5 took card 1 off the v4 list of three");
                assertTrue(!deny.isDenied(a));
                assertEquals(2, t1.updates.rejections().total(), "the failed store and the gap, nothing else");
            }
        }
    }

    @Test
    void commandsAreAnsweredOnTheStatusTopicAndAReplayedCommandIsRefused() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        CommandActions actions = new CommandActions() {
            @Override
            public String flushBacklog() {
                return "flush " + flushes.incrementAndGet() + " started";
            }

            @Override
            public String reloadConfig() {
                return "nothing changed";
            }
        };
        try (DenyListStore deny = DenyListStore.open(dir.resolve("deny"));
                RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"),
                        new DenyListStoreTarget(deny), actions, java.time.Clock.systemUTC(), STATUS_INTERVAL)) {
            byte[] flush = operator.command("T1", 1, "flush", "ops-42");
            fleet.publish(topics.cmd("T1"), flush, false);
            Map<String, Object> s = fleet.awaitStatus("T1", "the flush answer", st -> st.get("last_command") != null);
            Map<?, ?> answer = (Map<?, ?>) s.get("last_command");
            assertEquals("ops-42", answer.get("id"));
            assertEquals("ok", answer.get("result"));
            assertEquals("flush 1 started", answer.get("detail"));
            fleet.publish(topics.cmd("T1"), flush, false);
            s = fleet.awaitStatus("T1", "the replay refused", st -> hasRejection(st, topics.cmd("T1"), "STALE"));
            assertEquals(1, flushes.get());
            fleet.publish(topics.cmd("T1"), operator.command("T1", 2, "reload", "ops-43"), false);
            s = fleet.awaitStatus("T1", "the reload answer",
                    st -> "ops-43".equals(((Map<?, ?>) st.get("last_command")).get("id")));
            assertEquals("nothing changed", ((Map<?, ?>) s.get("last_command")).get("detail"));
            assertEquals(2, version(s, "commands"));
        }
    }

    @Test
    void lastWillMarksTheTerminalOfflineWhenItsConnectionDiesAndItComesBackOnline() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy(broker.port());
                DenyListStore deny = DenyListStore.open(dir.resolve("deny"));
                RunningTerminal t1 = new RunningTerminal("T1", operator, proxy.url(), dir.resolve("t1"),
                        new DenyListStoreTarget(deny), CommandActions.unsupported(), java.time.Clock.systemUTC(),
                        STATUS_INTERVAL)) {
            fleet.awaitStatus("T1", "online", s -> "online".equals(s.get("state")));
            proxy.cutAll();
            Map<String, Object> will = fleet.awaitStatus("T1", "offline", s -> "offline".equals(s.get("state")));
            assertEquals("connection lost", will.get("reason"));
            fleet.awaitStatus("T1", "online again", s -> "online".equals(s.get("state")));
            t1.close();
            Map<String, Object> stopped = fleet.awaitStatus("T1", "offline after a clean stop",
                    s -> "offline".equals(s.get("state")));
            assertEquals("stopped", stopped.get("reason"));
        }
    }

    @Test
    void restartKeepsEveryVersion() throws Exception {
        try (DenyListStore deny = DenyListStore.open(dir.resolve("deny"))) {
            DenyListStoreTarget store = new DenyListStoreTarget(deny);
            try (RunningTerminal t1 = new RunningTerminal("T1", operator, broker.url(), dir.resolve("t1"), store,
                    CommandActions.unsupported(), java.time.Clock.systemUTC(), STATUS_INTERVAL)) {
                fleet.publish(topics.fleetFareTable(), operator.fareTable(4, 260), false);
                fleet.publish(topics.fleetKeys(), operator.keySet(2, "qr-a"), false);
                fleet.publish(topics.cmd("T1"), operator.command("T1", 7, "status", "s"), false);
                fleet.awaitStatus("T1", "all three", s -> version(s, "fare_table") == 4 && version(s, "keys") == 2
                        && version(s, "commands") == 7);
            }
            // Nothing is retained on the broker: what comes back can only come from the state folder.
            TerminalUpdates again = TerminalUpdates.open("T1", operator.config(broker.url()), dir.resolve("t1"),
                    new org.farebox.terminal.fare.FlatFarePolicy(Operator.table(1, 200)), store,
                    org.farebox.terminal.status.StatusSource.none(), CommandActions.unsupported(),
                    java.time.Clock.systemUTC());
            Map<String, Object> s = again.status().current();
            assertEquals(4, version(s, "fare_table"));
            assertEquals(2, version(s, "keys"));
            assertEquals(7, version(s, "commands"));
            assertEquals(260, again.fares().get().quote(new org.farebox.terminal.fare.FareRequest("101", 1,
                    java.time.ZonedDateTime.now(), 1, null)).amountFen());
            again.close();
        }
    }
}
