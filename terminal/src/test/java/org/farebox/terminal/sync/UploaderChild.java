package org.farebox.terminal.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;

/**
 * A terminal in its own JVM for the kill -9 and big-backlog tests: {@code tap} appends a row every
 * 2 ms while uploading until killed; {@code drain} uploads until the cleared mark reaches the last row,
 * prints {@code DRAINED <last> <peak heap MB>} and exits.
 *
 * <p>Arguments: mode brokerUrl ledgerFile terminalId batchRows batchMaxWaitMs inFlight ackTimeoutMs
 */
public final class UploaderChild {
    private UploaderChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        UploadSettings settings = new UploadSettings(Integer.parseInt(args[4]), Duration.ofMillis(Long.parseLong(args[5])),
                Integer.parseInt(args[6]), Duration.ofMillis(Long.parseLong(args[7])));
        try (SqliteLedger ledger = SqliteLedger.open(Path.of(args[2]), args[3], LedgerOptions.defaults())) {
            MqttLink link = new MqttLink(LinkOptions.defaults(args[1], args[3])
                    .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2))
                    .withWindows(settings.inFlightBatches() + 8, 64).withSession(false, 600), new Random());
            Uploader uploader = new Uploader(ledger, link, new Topics(TestRows.OPERATOR), args[3], settings,
                    Clock.systemUTC());
            uploader.start();
            link.start();
            if (!link.awaitConnected(Duration.ofSeconds(20))) {
                System.out.println("NO BROKER " + link.lastError());
                System.exit(3);
            }
            System.out.println("UP cleared=" + ledger.clearedThrough());
            if (mode.equals("tap")) {
                long n = ledger.backlog().lastSequence();
                while (true) {
                    ledger.append(TestRows.paid(++n, Instant.now()));
                    uploader.wake();
                    Thread.sleep(2);
                }
            }
            long last = ledger.backlog().lastSequence();
            while (ledger.clearedThrough() < last) {
                Thread.sleep(20);
            }
            System.out.println("DRAINED " + last + " " + peakHeapMegabytes() + " " + uploader.stats());
            uploader.close();
            link.close();
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
