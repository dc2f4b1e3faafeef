package org.farebox.terminal.sync;

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

/** A terminal's ledger, link and uploader on a real broker, for the uploader tests. */
final class UploaderHarness implements AutoCloseable {
    final String terminalId;
    final SqliteLedger ledger;
    final MqttLink link;
    final Uploader uploader;
    private long appended;

    UploaderHarness(Path dir, String brokerUrl, String terminalId, UploadSettings settings) {
        this.terminalId = terminalId;
        this.ledger = SqliteLedger.open(dir.resolve(terminalId + ".db"), terminalId,
                LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL));
        this.link = new MqttLink(LinkOptions.defaults(brokerUrl, terminalId)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(2))
                .withWindows(settings.inFlightBatches() + 8, 64).withSession(false, 600), new Random(7));
        this.uploader = new Uploader(ledger, link, new Topics(TestRows.OPERATOR), terminalId, settings,
                Clock.systemUTC());
        this.appended = ledger.backlog().lastSequence();
    }

    UploaderHarness start() throws InterruptedException {
        uploader.start();
        link.start();
        if (!link.awaitConnected(Duration.ofSeconds(10))) {
            throw new IllegalStateException("terminal link cannot connect: " + link.lastError());
        }
        return this;
    }

    /** Appends {@code n} rows stamped now and wakes the uploader after each, as taps do. */
    void append(int n) {
        for (int i = 0; i < n; i++) {
            ledger.append(TestRows.paid(++appended, Instant.now()));
            uploader.wake();
        }
    }

    long lastSequence() {
        return appended;
    }

    /** Waits until the ledger's cleared mark reaches {@code sequence}; false on timeout. */
    boolean awaitCleared(long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ledger.clearedThrough() < sequence) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        uploader.close();
        link.close();
        ledger.close();
    }
}
