package org.farebox.provisioning.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListDiff;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.signed.Ed25519Keys;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateVerifier;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.ProvisionCli;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PublishCliTest {
    private static final String OPERATOR = "metro";
    private final Topics topics = new Topics(OPERATOR);

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private MqttLink observer;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private Path key;
    private PublicKey publicKey;

    record Run(int exitCode, String out, String err) {
    }

    record Received(String topic, byte[] payload, boolean retained) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ProvisionCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        broker = MosquittoBroker.builder().start();
        key = dir.resolve("operator.pem");
        Run made = cli("keys", "operator", "-o", key.toString());
        assertEquals(0, made.exitCode(), made.err());
        Matcher m = Pattern.compile("updates.operator_keys = (ed25519:[0-9a-f]{64})").matcher(made.out());
        assertTrue(m.find(), made.out());
        publicKey = Ed25519Keys.parsePublic(m.group(1));
        observer = new MqttLink(LinkOptions.defaults(broker.url(), "observer").withSession(true, 0), new Random(1));
        observer.subscribe("farebox/v1/" + OPERATOR + "/#", 1, (t, p, r) -> received.add(new Received(t, p, r)));
        observer.start();
        assertTrue(observer.awaitConnected(Duration.ofSeconds(10)));
    }

    @AfterEach
    void tearDown() {
        observer.close();
        broker.close();
    }

    private String[] with(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--broker", broker.url(), "--operator", OPERATOR, "--key", key.toString(), "--state",
                dir.resolve("state").toString()));
        return all.toArray(String[]::new);
    }

    private String[] onBroker(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--broker", broker.url(), "--operator", OPERATOR));
        return all.toArray(String[]::new);
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "a message from the CLI");
        return r;
    }

    private SignedUpdate verify(Received r, UpdateKind kind, String target) throws Exception {
        return new UpdateVerifier(List.of(publicKey)).verify(r.payload(), kind, OPERATOR, target, 64 << 20);
    }

    private Path fareTable(long version) throws Exception {
        FlatFareTable t = new FlatFareTable(version, "CNY", 200, java.util.Map.of("101", 200L),
                java.util.Map.of("adult", 100), java.util.Map.of(1, "adult"), "adult");
        Path f = dir.resolve("fares-" + version + ".json");
        Files.writeString(f, t.toJson());
        return f;
    }

    @Test
    void operatorKeyIsWrittenOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(publicKey, Ed25519Keys.publicOf(Ed25519Keys.readPrivate(key)));
        Run again = cli("keys", "operator", "-o", key.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());
    }

    @Test
    void aCompiledBundleIsPublishedWithItsOwnVersionAndABrokenOneIsNot() throws Exception {
        org.farebox.fare.gtfs.GtfsCompiler.Result compiled = new org.farebox.fare.gtfs.GtfsCompiler().compile(
                Path.of("../examples/chengdu-like"), new org.farebox.fare.gtfs.GtfsCompiler.Options(7,
                        java.time.ZoneId.of("Asia/Shanghai")));
        byte[] bundle = org.farebox.fare.gtfs.bundle.FareBundle.encode(compiled.table().orElseThrow());
        Path file = dir.resolve("fares.bundle");
        Files.write(file, bundle);
        Run run = cli(with("publish", "faretable", file.toString(), "--version", "7"));
        assertEquals(0, run.exitCode(), run.err());
        SignedUpdate u = verify(next(), UpdateKind.FARE_TABLE, SignedUpdate.FLEET);
        assertEquals(7, u.version());
        assertTrue(java.util.Arrays.equals(bundle, u.payload()), "the bundle travels byte for byte");

        byte[] damaged = bundle.clone();
        damaged[damaged.length / 2] ^= 0x40;
        Path bad = dir.resolve("damaged.bundle");
        Files.write(bad, damaged);
        Run refused = cli(with("publish", "faretable", bad.toString(), "--force"));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("fare bundle " + bad), refused.err());
    }

    @Test
    void fareTableIsSignedRetainedAndVersionedFromTheFile() throws Exception {
        Run run = cli(with("publish", "faretable", fareTable(3).toString(), "--version", "3", "--valid-from",
                "2026-12-01T04:00:00+08:00"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("published fare table v3 to " + topics.fleetFareTable()), run.out());
        Received r = next();
        assertEquals(topics.fleetFareTable(), r.topic());
        assertTrue(run.out().contains(r.payload().length + " bytes, retained"), run.out());
        SignedUpdate u = verify(r, UpdateKind.FARE_TABLE, SignedUpdate.FLEET);
        assertEquals(3, u.version());
        assertEquals("2026-11-30T20:00:00Z", u.attribute("valid_from").orElseThrow());
        assertEquals(3, FlatFareTable.parse(new String(u.payload(), StandardCharsets.UTF_8)).version());
        BlockingQueue<Received> late = new LinkedBlockingQueue<>();
        try (MqttLink latecomer = new MqttLink(LinkOptions.defaults(broker.url(), "late").withSession(true, 0),
                new Random(3))) {
            latecomer.subscribe(topics.fleetFareTable(), 1, (t, p, ret) -> late.add(new Received(t, p, ret)));
            latecomer.start();
            Received kept = late.poll(10, TimeUnit.SECONDS);
            assertNotNull(kept, "a terminal connecting later gets the table");
            assertTrue(kept.retained());
            assertTrue(java.util.Arrays.equals(r.payload(), kept.payload()));
        }
        Run none = cli(onBroker("status", "--wait", "1"));
        assertEquals(1, none.exitCode(), "no terminal has published a status");
        assertTrue(none.err().contains("no status from any terminal of metro"), none.err());
    }

    @Test
    void fareTableThatIsNotNewerOrDoesNotMatchVersionIsNotPublished() throws Exception {
        assertEquals(0, cli(with("publish", "faretable", fareTable(3).toString())).exitCode());
        next();
        Run stale = cli(with("publish", "faretable", fareTable(2).toString()));
        assertEquals(1, stale.exitCode());
        assertTrue(stale.err().contains("not above v3"), stale.err());
        Run mismatch = cli(with("publish", "faretable", fareTable(4).toString(), "--version", "5"));
        assertEquals(2, mismatch.exitCode());
        assertTrue(mismatch.err().contains("does not match"), mismatch.err());
        Files.writeString(dir.resolve("broken.json"), "{\"format\":\"farebox-flat-fare/1\"");
        Run broken = cli(with("publish", "faretable", dir.resolve("broken.json").toString()));
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("broken.json"), broken.err());
        Run badTime = cli(with("publish", "faretable", fareTable(4).toString(), "--valid-from", "tomorrow"));
        assertEquals(2, badTime.exitCode());
        assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS), "nothing else was published");
    }

    @Test
    void keySetIsSignedAndRetained() throws Exception {
        Path f = dir.resolve("keys.json");
        Files.writeString(f, "{\"format\":\"farebox-keys/1\",\"version\":2,\"keys\":[{\"id\":\"qr-a\",\"algorithm\":"
                + "\"ed25519\",\"public_key\":\"" + "ab".repeat(32) + "\",\"not_before\":\"2026-01-01T00:00:00Z\","
                + "\"not_after\":\"2027-01-01T00:00:00Z\"}]}");
        Run run = cli(with("publish", "keys", f.toString(), "--version", "2"));
        assertEquals(0, run.exitCode(), run.err());
        Received r = next();
        assertEquals(2, verify(r, UpdateKind.KEYS, SignedUpdate.FLEET).version());
        Files.writeString(f, "{\"format\":\"farebox-keys/1\",\"version\":3,\"keys\":[{\"id\":\"qr-a\"}]}");
        Run bad = cli(with("publish", "keys", f.toString()));
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("keys[0]"), bad.err());
    }

    @Test
    void commandsGetIncreasingVersionsAndTheAnswerIsPrinted() throws Exception {
        // A stand-in terminal: answers every verified command in its retained status.
        try (MqttLink terminal = new MqttLink(LinkOptions.defaults(broker.url(), "t1").withSession(true, 0),
                new Random(2))) {
            UpdateVerifier verifier = new UpdateVerifier(List.of(publicKey));
            terminal.subscribe(topics.cmd("T1"), 1, (t, p, r) -> {
                SignedUpdate u = verifier.verify(p, UpdateKind.COMMAND, OPERATOR, "T1", 65536);
                String id = (String) org.farebox.protocol.json.Json.parseObject(
                        new String(u.payload(), StandardCharsets.UTF_8)).get("id");
                String status = "{\"format\":\"farebox-status/1\",\"terminal\":\"T1\",\"state\":\"online\","
                        + "\"last_command\":{\"id\":\"" + id + "\",\"command\":\"flush\",\"result\":\"ok\","
                        + "\"detail\":\"v" + u.version() + " done\",\"at\":\"" + Instant.now() + "\"}}";
                terminal.publish(topics.status("T1"), status.getBytes(StandardCharsets.UTF_8), 1, true);
            });
            terminal.start();
            assertTrue(terminal.awaitConnected(Duration.ofSeconds(10)));
            Run first = cli(with("publish", "cmd", "T1", "flush", "--id", "ops-1"));
            assertEquals(0, first.exitCode(), first.err());
            assertTrue(first.out().contains("T1 answered ok: v1 done"), first.out());
            Run second = cli(with("publish", "cmd", "T1", "status", "--wait", "0"));
            assertEquals(0, second.exitCode(), second.err());
            assertTrue(second.out().contains("v2 to " + topics.cmd("T1")), second.out());
            assertEquals(2, verify(receivedOn(topics.cmd("T1"), 2), UpdateKind.COMMAND, "T1").version());

            Run status = cli(onBroker("status", "T1"));
            assertEquals(0, status.exitCode(), status.err());
            assertTrue(status.out().startsWith("T1 online"), status.out());
            Run json = cli(onBroker("status", "--json"));
            assertTrue(json.out().contains("\"last_command\""), json.out());
        }
        Run bad = cli(with("publish", "cmd", "T1", "reboot"));
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("status, flush or reload"), bad.err());
    }

    private Received receivedOn(String topic, int nth) throws InterruptedException {
        int seen = 0;
        while (true) {
            Received r = next();
            if (r.topic().equals(topic) && ++seen == nth) {
                return r;
            }
        }
    }

    @Test
    void denyListIsPublishedAsDeltaThenRetainedSnapshotWithTheNextVersion() throws Exception {
        String a = "31045101000000000001";
        String b = "31045101000000000002";
        Path book = dir.resolve("deny.txt");
        Files.writeString(book, "# lost and found\n" + a + ",LOST\naccount:qr-alice,FRAUD\n");
        Run first = cli(with("publish", "denylist", book.toString()));
        assertEquals(0, first.exitCode(), first.err());
        Received s1 = next();
        SignedUpdate u1 = verify(s1, UpdateKind.DENY_LIST, SignedUpdate.FLEET);
        assertEquals(1, u1.version());
        assertEquals("snapshot", u1.attribute("deny").orElseThrow());
        DenyListSnapshot v1 = DenyListSnapshot.decode(u1.payload());
        assertEquals(DenyReason.LOST, v1.cards().reasonOf(a).orElseThrow());
        assertEquals(DenyReason.FRAUD, v1.accounts().get("qr-alice"));

        Files.writeString(book, a + ",LOST\n" + b + "\n");
        Run second = cli(with("publish", "denylist", book.toString()));
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("published deny-list delta v2"), second.out());
        SignedUpdate delta = verify(next(), UpdateKind.DENY_LIST, SignedUpdate.FLEET);
        SignedUpdate snapshot = verify(next(), UpdateKind.DENY_LIST, SignedUpdate.FLEET);
        assertEquals("delta", delta.attribute("deny").orElseThrow());
        assertEquals("snapshot", snapshot.attribute("deny").orElseThrow());
        assertEquals(2, delta.version());
        DenyListSnapshot v2 = DenyListSnapshot.decode(snapshot.payload());
        assertEquals(v2, DenyListDiff.apply(v1, DenyListDelta.decode(delta.payload())),
                "the delta takes v1 to exactly the v2 snapshot");
        assertEquals(DenyReason.OPERATOR, v2.cards().reasonOf(b).orElseThrow());

        Run unchanged = cli(with("publish", "denylist", book.toString()));
        assertEquals(0, unchanged.exitCode());
        assertTrue(unchanged.out().contains("unchanged"), unchanged.out());
        Files.writeString(book, a + ",LOST\n");
        assertEquals(0, cli(with("publish", "denylist", book.toString(), "--snapshot-only")).exitCode());
        SignedUpdate only = verify(next(), UpdateKind.DENY_LIST, SignedUpdate.FLEET);
        assertEquals("snapshot", only.attribute("deny").orElseThrow());
        assertEquals(3, only.version());
        assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS), "no delta with --snapshot-only");

        Files.writeString(book, a + ",LOST\n1234,LOST\n");
        Run bad = cli(with("publish", "denylist", book.toString()));
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("line 2"), bad.err());
    }

    @Test
    void unreachableBrokerIsAClearError() throws Exception {
        Run run = cli("publish", "faretable", fareTable(1).toString(), "--broker", "tcp://127.0.0.1:1", "--operator",
                OPERATOR, "--key", key.toString(), "--state", dir.resolve("s").toString(), "--timeout", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("cannot connect to tcp://127.0.0.1:1"), run.err());
        Run missingKey = cli("publish", "faretable", fareTable(1).toString(), "--broker", broker.url(), "--operator",
                OPERATOR, "--key", dir.resolve("nope.pem").toString(), "--state", dir.resolve("s").toString());
        assertEquals(1, missingKey.exitCode());
        assertTrue(missingKey.err().contains("keys operator"), missingKey.err());
    }
}
