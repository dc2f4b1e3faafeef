package org.farebox.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.mqtt.tls.NoDelaySocketFactory;
import org.farebox.protocol.sync.Topics;
import org.farebox.protocol.sync.TxnAck;
import org.farebox.protocol.sync.TxnBatch;
import org.farebox.protocol.sync.TxnRow;
import org.farebox.terminal.ledger.CanonicalRow;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sync.UploadSettings;
import org.farebox.terminal.sync.Uploader;
import org.farebox.testing.MosquittoBroker;

/**
 * How fast a ledger backlog drains to the clearing host through a local Mosquitto, next to a raw Paho
 * QoS 1 publish loop that sends the same batch bytes (encoded beforehand) with the same window to the
 * same broker in the same run. The clearing side is a minimal responder: it decodes each batch and acks.
 */
public final class DrainBench {
    static final String OPERATOR = "bench";
    static final double RATIO_GOAL = 0.8;
    static final double RATE_GOAL = 5_000;
    static final long ROWS = 100_000;
    static final long QUICK_ROWS = 10_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    /** The figures of one run. */
    public record Result(long rows, int batchRows, int window, double drainSeconds, double rawSeconds,
            long batchesSent, long batchesResent) {

        public double drainRowsPerSecond() {
            return rows / drainSeconds;
        }

        public double rawRowsPerSecond() {
            return rows / rawSeconds;
        }

        public double ratio() {
            return drainRowsPerSecond() / rawRowsPerSecond();
        }

        public void print(PrintStream out) {
            out.println();
            out.printf(Locale.ROOT, "ledger drain: %d rows, batches of %d rows, %d batches in flight%n", rows, batchRows,
                    window);
            out.printf(Locale.ROOT, "  uploader (ledger -> MQTT -> clearing ack -> cleared mark): %.2f s, %.0f rows/s, "
                    + "%d batches (%d resent)%n", drainSeconds, drainRowsPerSecond(), batchesSent, batchesResent);
            out.printf(Locale.ROOT, "  raw Paho QoS 1 loop, same bytes, same window:              %.2f s, %.0f rows/s%n",
                    rawSeconds, rawRowsPerSecond());
            out.printf(Locale.ROOT, "goal: drain >= %.0f rows/s: %s (%.0f)%n", RATE_GOAL,
                    drainRowsPerSecond() >= RATE_GOAL ? "met" : "MISSED", drainRowsPerSecond());
            out.printf(Locale.ROOT, "goal: drain >= %.1fx the raw publish rate: %s (%.2fx)%n", RATIO_GOAL,
                    ratio() >= RATIO_GOAL ? "met" : "MISSED", ratio());
            out.printf(Locale.ROOT, "BENCH drain_rows_per_s %.0f rows/s%n", drainRowsPerSecond());
            out.printf(Locale.ROOT, "BENCH raw_publish_rows_per_s %.0f rows/s%n", rawRowsPerSecond());
            out.printf(Locale.ROOT, "BENCH drain_ratio_vs_raw %.2f x%n", ratio());
        }
    }

    private DrainBench() {
    }

    /** The terminal's defaults (SyncConfig): 500-row batches, 8 in flight. */
    static UploadSettings settings() {
        return new UploadSettings(500, Duration.ofSeconds(2), 8, Duration.ofSeconds(30));
    }

    /** Builds a ledger of {@code rows} rows, drains it, then runs the raw loop; the folder is deleted after. */
    public static Result run(long rows, UploadSettings settings) throws Exception {
        Path folder = BenchFolder.fresh("drain");
        try (MosquittoBroker broker = MosquittoBroker.startPlain()) {
            Path file = folder.resolve("ledger.db");
            buildLedger(file, rows);
            try (Responder responder = Responder.start(broker.url())) {
                long[] drained = drain(file, broker.url(), settings, rows);
                double drainSeconds = drained[0] / 1e9;
                List<byte[]> payloads = encodeBatches(file, settings.batchRows());
                double rawSeconds = rawPublish(broker.url(), new Topics(OPERATOR).txn(BenchTerminal.TERMINAL_ID),
                        payloads, settings.inFlightBatches()) / 1e9;
                return new Result(rows, settings.batchRows(), settings.inFlightBatches(), drainSeconds, rawSeconds,
                        drained[1], drained[2]);
            }
        } finally {
            BenchFolder.delete(folder);
        }
    }

    private static void buildLedger(Path file, long rows) {
        try (SqliteLedger ledger = SqliteLedger.open(file, BenchTerminal.TERMINAL_ID,
                LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL))) {
            for (long n = 1; n <= rows; n++) {
                ledger.append(LedgerRows.paidRow(n));
            }
        }
    }

    /** Returns {nanoseconds to cleared-through = last, batches sent, batches resent}. */
    private static long[] drain(Path file, String url, UploadSettings settings, long rows) throws Exception {
        // The terminal's own settings: synchronous FULL, so each cleared mark is a real fsync
        try (SqliteLedger ledger = SqliteLedger.open(file, BenchTerminal.TERMINAL_ID, LedgerOptions.defaults())) {
            MqttLink link = new MqttLink(LinkOptions.defaults(url, BenchTerminal.TERMINAL_ID)
                    .withWindows(settings.inFlightBatches() + 8, 64).withSession(true, 0), new Random());
            Uploader uploader = new Uploader(ledger, link, new Topics(OPERATOR), BenchTerminal.TERMINAL_ID, settings,
                    Clock.systemUTC());
            try {
                link.start();
                if (!link.awaitConnected(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("uploader cannot connect to " + url + ": " + link.lastError());
                }
                long start = System.nanoTime();
                uploader.start();
                long deadline = start + DRAIN_TIMEOUT.toNanos();
                while (ledger.clearedThrough() < rows) { // the durable mark: the real finish line
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the backlog did not drain in " + DRAIN_TIMEOUT + ": "
                                + uploader.stats());
                    }
                    Thread.sleep(1);
                }
                long elapsed = System.nanoTime() - start;
                return new long[] {elapsed, uploader.stats().batchesSent(), uploader.stats().batchesResent()};
            } finally {
                uploader.close();
                link.close();
            }
        }
    }

    /** The batches the uploader sends, encoded the same way, up front: the raw loop only publishes. */
    private static List<byte[]> encodeBatches(Path file, int batchRows) {
        List<byte[]> payloads = new ArrayList<>();
        try (SqliteLedger ledger = SqliteLedger.open(file, BenchTerminal.TERMINAL_ID, LedgerOptions.defaults())) {
            long after = 0;
            while (true) {
                List<TapRecord> rows = ledger.rowsAfter(after, batchRows);
                if (rows.isEmpty()) {
                    return payloads;
                }
                List<TxnRow> wire = new ArrayList<>(rows.size());
                rows.forEach(r -> wire.add(CanonicalRow.toWire(r)));
                payloads.add(new TxnBatch(OPERATOR, BenchTerminal.TERMINAL_ID, wire).encode());
                after = rows.get(rows.size() - 1).sequence();
            }
        }
    }

    /** Publishes every payload QoS 1 with at most {@code window} awaiting PUBACK; returns nanoseconds to the last PUBACK. */
    static long rawPublish(String url, String topic, List<byte[]> payloads, int window) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(url, "raw-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSocketFactory(NoDelaySocketFactory.plain());
        client.connect(o).waitForCompletion(10_000);
        try {
            Semaphore permits = new Semaphore(window);
            AtomicLong failures = new AtomicLong();
            MqttActionListener done = new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    permits.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    failures.incrementAndGet();
                    permits.release();
                }
            };
            long start = System.nanoTime();
            for (byte[] p : payloads) {
                permits.acquire();
                client.publish(topic, new MqttMessage(p, 1, false, null), null, done);
            }
            if (!permits.tryAcquire(window, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("raw loop: PUBACKs missing after 60 s");
            }
            long elapsed = System.nanoTime() - start;
            if (failures.get() > 0) {
                throw new IllegalStateException("raw loop: " + failures.get() + " publishes failed");
            }
            return elapsed;
        } finally {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    /** The clearing host reduced to what the bench needs: decode each batch, ack it. */
    static final class Responder implements AutoCloseable {
        private final MqttLink link;
        private final Topics topics = new Topics(OPERATOR);

        private Responder(String url) {
            link = new MqttLink(LinkOptions.defaults(url, "bench-clearing").withWindows(64, 1000)
                    .withSession(true, 0), new Random());
            link.subscribe(Topics.SHARED_TXN_FILTER, 1, this::onBatch);
        }

        static Responder start(String url) throws InterruptedException {
            Responder r = new Responder(url);
            r.link.start();
            if (!r.link.awaitConnected(Duration.ofSeconds(10))) {
                throw new IllegalStateException("responder cannot connect to " + url + ": " + r.link.lastError());
            }
            return r;
        }

        private void onBatch(String topic, byte[] payload, boolean retained) throws Exception {
            TxnBatch b = TxnBatch.decode(payload);
            TxnAck ack = new TxnAck(b.terminalId(), b.firstSeq(), b.lastSeq(), TxnAck.Result.STORED, b.rows().size(), 0,
                    "");
            link.publish(topics.ack(b.terminalId()), ack.encode(), 1, false);
        }

        @Override
        public void close() {
            link.close();
        }
    }

    /** Stand-alone: {@code DrainBench [rows] [batchRows] [window]}. */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Instant t0 = Instant.now();
        run(rows, new UploadSettings(batch, Duration.ofSeconds(2), window, Duration.ofSeconds(30))).print(System.out);
        System.out.println("(took " + Duration.between(t0, Instant.now()).toSeconds() + " s)");
    }
}
