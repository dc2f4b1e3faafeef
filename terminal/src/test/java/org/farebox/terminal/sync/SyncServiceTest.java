package org.farebox.terminal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.farebox.mqtt.LinkOptions;
import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.config.ConfigFile;
import org.farebox.terminal.config.SyncConfig;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SyncServiceTest {
    @TempDir
    Path dir;

    private static SyncConfig config(String... lines) {
        return TerminalConfig.from(ConfigFile.parse("test.conf", String.join("\n", lines) + "\n")).sync();
    }

    private SqliteLedger ledger(String terminal) {
        return SqliteLedger.open(dir.resolve(terminal + ".db"), terminal,
                LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL));
    }

    @Test
    void theServiceUploadsTapsAndSharesItsConnection() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.startPlain();
                ClearingDouble clearing = ClearingDouble.start(broker.url(), TestRows.OPERATOR);
                SqliteLedger ledger = ledger("SVC-1")) {
            SyncService sync = new SyncService(config("sync.broker = " + broker.url(), "sync.operator = op1",
                    "sync.batch_ms = 60000"), "SVC-1", ledger, Clock.systemUTC());
            try {
                LinkedBlockingQueue<String> commands = new LinkedBlockingQueue<>();
                sync.link().subscribe(sync.topics().cmd("SVC-1"), 1, (t, p, r) -> commands.add(new String(p)));
                sync.start();
                assertTrue(sync.link().awaitConnected(Duration.ofSeconds(10)));
                for (int i = 1; i <= 3; i++) {
                    ledger.append(TestRows.paid(i, Instant.now()));
                    sync.tapWritten();
                }
                sync.flushNow(); // batch_ms is a minute: only the flush sends these three
                assertTrue(clearing.awaitStored("SVC-1", 3, Duration.ofSeconds(10)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ledger.clearedThrough() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(3, ledger.clearedThrough());
                assertEquals(3, sync.stats().orElseThrow().rowsDelivered());

                clearing.link().publish(sync.topics().cmd("SVC-1"), "hello".getBytes(), 1, false).get();
                assertEquals("hello", commands.poll(10, TimeUnit.SECONDS), "another part subscribed on the same link");
            } finally {
                sync.close();
            }
        }
    }

    @Test
    void connectAttemptsAgainstABrokerThatIsNotThereAreSpacedOutAndGrow() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        try (ServerSocket nothing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                SqliteLedger ledger = ledger("BACK-1")) {
            Thread acceptor = new Thread(() -> {
                while (!nothing.isClosed()) {
                    try (Socket s = nothing.accept()) {
                        attempts.add(System.nanoTime()); // and hang up at once, as a dying broker does
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SyncService sync = new SyncService(config("sync.broker = tcp://127.0.0.1:" + nothing.getLocalPort(),
                    "sync.backoff_min_ms = 250", "sync.backoff_max_ms = 4000", "sync.backoff_stable_s = 30"),
                    "BACK-1", ledger, Clock.systemUTC());
            try {
                sync.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (attempts.size() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                sync.close();
            }
        }
        assertTrue(attempts.size() >= 5, "attempts: " + attempts.size());
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < 5; i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(attempts.get(i) - attempts.get(i - 1)));
        }
        // delays are drawn from [base/2, base] with base 250, 500, 1000, 2000 ms: these floors hold under any load
        assertTrue(gaps.get(0) >= 120, "gaps " + gaps);
        assertTrue(gaps.get(3) >= 1000, "the fourth wait has grown to at least 1 s: gaps " + gaps);
        assertTrue(gaps.stream().mapToLong(Long::longValue).sum() >= 1875, "gaps " + gaps);
    }

    @Test
    void theLastWillMustBeGivenBeforeTheLinkExists() throws Exception {
        try (SqliteLedger ledger = ledger("WILL-1")) {
            SyncService sync = new SyncService(config("sync.broker = tcp://127.0.0.1:1"), "WILL-1", ledger,
                    Clock.systemUTC());
            LinkOptions.Will will = new LinkOptions.Will(sync.topics().status("WILL-1"), "offline".getBytes(), 1, true);
            sync.lastWill(will);
            assertEquals(will, sync.linkOptions().will());
            assertEquals("WILL-1", sync.linkOptions().clientId());
            assertTrue(!sync.linkOptions().cleanStart() && sync.linkOptions().sessionExpirySeconds() > 0,
                    "acks sent while the terminal is away wait in its session");
            sync.link();
            assertThrows(IllegalStateException.class, () -> sync.lastWill(will));
            sync.close();
        }
    }

    @Test
    void anSslBrokerWithUnreadableCertificateFilesIsAConfigErrorNamingTheFile() throws Exception {
        try (SqliteLedger ledger = ledger("TLS-1")) {
            Path missing = dir.resolve("no-such-ca.crt");
            SyncConfig c = config("sync.broker = ssl://127.0.0.1:8883", "sync.tls.ca = " + missing,
                    "sync.tls.cert = " + dir.resolve("t.crt"), "sync.tls.key = " + dir.resolve("t.key"));
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new SyncService(c, "TLS-1", ledger, Clock.systemUTC()));
            assertTrue(e.getMessage().contains("no-such-ca.crt"), e.getMessage());
        }
    }
}
