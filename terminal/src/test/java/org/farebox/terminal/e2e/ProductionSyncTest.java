package org.farebox.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.signed.Ed25519Keys;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateSigner;
import org.farebox.protocol.sync.Topics;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.simulator.vpcd.VpcdBridge;
import org.farebox.terminal.TerminalCli;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sync.ClearingDouble;
import org.farebox.testing.ChildJvm;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code farebox-terminal run} as systemd runs it, on real pcscd and a real Mosquitto: a tap reaches the
 * clearing side, a signed fare table from the operator is taken and used for the next tap, the retained
 * status follows, a kill -9 leaves the broker's last will ("offline") on the status topic until the
 * restarted terminal says it is online again, and a signed "reload" after the config file changed ends
 * the process with the restart status systemd acts on.
 */
@Timeout(120)
class ProductionSyncTest {
    private static final String OPERATOR = "e2eop";
    private static final String SERIAL = "31045101000000000088";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private RealPcscd.Lease vpcd;
    private VpcdBridge sam;
    private ChildJvm terminal;

    @AfterEach
    void stopEverything() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
        if (sam != null) {
            sam.close();
        }
        if (vpcd != null) {
            vpcd.close();
        }
    }

    @Test
    void tapsReachClearingAFareTableArrivesAndKillNineLeavesTheWillUntilTheRestart() throws Exception {
        RealPcscd.requireOrSkip();
        KeyPair operatorKey = Ed25519Keys.generate();
        Topics topics = new Topics(OPERATOR);
        BlockingQueue<Map<String, Object>> statuses = new LinkedBlockingQueue<>();
        try (MosquittoBroker broker = MosquittoBroker.startPlain();
                ClearingDouble clearing = ClearingDouble.start(broker.url(), OPERATOR);
                MqttLink operator = new MqttLink(LinkOptions.defaults(broker.url(), "operator-e2e")
                        .withSession(true, 0), new Random(1))) {
            operator.subscribe(topics.status(TerminalFixture.TERMINAL_ID), 1,
                    (t, p, r) -> statuses.add(Json.parseObject(new String(p, StandardCharsets.UTF_8))));
            operator.start();
            assertTrue(operator.awaitConnected(WAIT));

            vpcd = RealPcscd.lease(Duration.ofSeconds(60));
            TerminalFixture fixture = TerminalFixture.create(dir, 88);
            VirtualTUnionCard card = new VirtualTUnionCard(fixture.issue(SERIAL, TerminalFixture.ADULT, 5_000));
            sam = VpcdBridge.connect(VpcdBridge.SAM_PORT, fixture.openPsam());
            RealPcscd.awaitPresent(VpcdBridge.SAM_READER, Duration.ofSeconds(5));
            Path config = fixture.writeConfig(Map.ofEntries(Map.entry("reader.factory", "PC/SC"),
                    Map.entry("reader.card", VpcdBridge.FIELD_READER), Map.entry("reader.sam", VpcdBridge.SAM_READER),
                    Map.entry("sam.mode", "pcsc"), Map.entry("reader.poll_ms", "100"), Map.entry("hmi.mode", "console"),
                    Map.entry("sync.broker", broker.url()), Map.entry("sync.operator", OPERATOR),
                    Map.entry("sync.batch_ms", "100"), Map.entry("sync.keepalive_s", "5"),
                    Map.entry("sync.status_interval_s", "60"),
                    Map.entry("updates.operator_keys", Ed25519Keys.toText(operatorKey.getPublic()))));

            terminal = start(config);
            assertNotNull(awaitStatus(statuses, s -> "online".equals(s.get("state"))), "no online status");

            tap(card);
            assertTrue(clearing.awaitStored(TerminalFixture.TERMINAL_ID, 1, WAIT), "the tap did not reach clearing");

            FlatFareTable v2 = new FlatFareTable(2, "CNY", 200, Map.of("101", 300L), Map.of("adult", 100),
                    Map.of(TerminalFixture.ADULT, "adult"), "adult");
            byte[] signed = new UpdateSigner(operatorKey.getPrivate()).sign(UpdateKind.FARE_TABLE, OPERATOR,
                    SignedUpdate.FLEET, 2, Instant.now(), Map.of(), v2.toJson().getBytes(StandardCharsets.UTF_8));
            operator.publish(topics.fleetFareTable(), signed, 1, true).get(10, TimeUnit.SECONDS);
            assertNotNull(awaitStatus(statuses, s -> fareTableVersion(s) == 2), "the status never showed fare table v2");

            tap(card);
            assertTrue(clearing.awaitStored(TerminalFixture.TERMINAL_ID, 2, WAIT), "the second tap did not reach clearing");

            terminal.sigkill();
            assertTrue(terminal.awaitExit(WAIT));
            Map<String, Object> will = awaitStatus(statuses, s -> "offline".equals(s.get("state")));
            assertNotNull(will, "the broker did not publish the last will after kill -9");

            terminal = start(config);
            assertNotNull(awaitStatus(statuses, s -> "online".equals(s.get("state")) && fareTableVersion(s) == 2),
                    "the restarted terminal did not come back online with fare table v2");
            java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                    .replace("reader.poll_ms = 100", "reader.poll_ms = 120"));
            byte[] reload = new UpdateSigner(operatorKey.getPrivate()).sign(UpdateKind.COMMAND, OPERATOR,
                    TerminalFixture.TERMINAL_ID, 1, Instant.now(), Map.of(),
                    "{\"command\":\"reload\",\"id\":\"r1\"}".getBytes(StandardCharsets.UTF_8));
            operator.publish(topics.cmd(TerminalFixture.TERMINAL_ID), reload, 1, false).get(10, TimeUnit.SECONDS);
            Map<String, Object> answered = awaitStatus(statuses, s -> String.valueOf(s.get("last_command"))
                    .contains("r1"));
            assertNotNull(answered, "the reload command was not answered on the status topic");
            assertTrue(String.valueOf(answered.get("last_command")).contains("readerPoll"),
                    "the answer names what changed: " + answered.get("last_command"));
            assertEquals(75, terminal.awaitExitCode(WAIT), "reload with a changed file ends with the restart status\n"
                    + terminal.transcript());
            try (SqliteLedger ledger = SqliteLedger.open(fixture.stateDir.resolve("ledger.db"),
                    TerminalFixture.TERMINAL_ID)) {
                List<TapRecord> rows = ledger.rowsAfter(0, 10);
                assertEquals(2, rows.size());
                assertEquals(200, rows.get(0).amountFen(), "the first tap was priced by the configured table");
                assertEquals(1, rows.get(0).fareTableVersion());
                assertEquals(300, rows.get(1).amountFen(), "the second tap was priced by the signed v2");
                assertEquals(2, rows.get(1).fareTableVersion());
            }
            assertEquals(2, clearing.storedCount(TerminalFixture.TERMINAL_ID), "each row once at clearing");
        }
    }

    private static ChildJvm start(Path config) throws Exception {
        ChildJvm child = ChildJvm.start(TerminalCli.class.getName(), List.of("run", "--config", config.toString()));
        assertNotNull(child.awaitLine(l -> l.startsWith("|READY"), Duration.ofSeconds(30)),
                "the terminal did not show READY\n" + child.transcript());
        return child;
    }

    private void tap(VirtualTUnionCard card) throws Exception {
        try (VpcdBridge tapped = VpcdBridge.connect(VpcdBridge.FIELD_PORT, card)) {
            assertNotNull(terminal.awaitLine(l -> l.startsWith("|OK"), WAIT), "no OK\n" + terminal.transcript());
        }
        RealPcscd.awaitAbsent(VpcdBridge.FIELD_READER, Duration.ofSeconds(5));
    }

    @SuppressWarnings("unchecked")
    private static long fareTableVersion(Map<String, Object> status) {
        Object versions = status.get("versions");
        Object v = versions instanceof Map ? ((Map<String, Object>) versions).get("fare_table") : null;
        return v instanceof Long ? (Long) v : -1;
    }

    private static Map<String, Object> awaitStatus(BlockingQueue<Map<String, Object>> statuses,
            Predicate<Map<String, Object>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Map<String, Object> s = statuses.poll(left, TimeUnit.NANOSECONDS);
            if (s != null && wanted.test(s)) {
                return s;
            }
        }
    }
}
