package org.farebox.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.farebox.clearing.ClearingCli;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.protocol.config.ConfigFile;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sync.SyncService;
import org.farebox.testing.ChildJvm;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault with the real parts on both ends: the clearing host (its own process) dies between
 * committing a batch and acking it, while the terminal's uploader keeps sending; after clearing comes
 * back, the uploader's resend is stored once and every row is there exactly once.
 */
class ClearingCrashWithUploaderTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ROWS = 200;

    @TempDir
    Path dir;

    @Test
    void aClearingHostHaltedBetweenStoreAndAckLosesNothingAndStoresTheResendOnce() throws Exception {
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("clearing.db");
        try (MosquittoBroker broker = MosquittoBroker.startPlain();
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("bus.db"), "BUS-9",
                        LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL))) {
            for (int n = 1; n <= ROWS; n++) {
                ledger.append(paid(n));
            }
            SyncService sync;
            try (ChildJvm first = clearing(broker, jdbcUrl, 3)) {
                sync = uploader(broker, ledger);
                assertEquals(137, first.awaitExitCode(WAIT), () -> "clearing should halt after its third commit:\n"
                        + first.transcript());
                assertTrue(first.transcript().contains("before its ack"), first.transcript());
            }
            try (ChildJvm second = clearing(broker, jdbcUrl, 0)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (ledger.clearedThrough() < ROWS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                sync.close();
                assertEquals(ROWS, ledger.clearedThrough(), () -> "not every row was acknowledged:\n"
                        + second.transcript());
            }
        }
        try (JdbcClearingStore store = JdbcClearingStore.open(jdbcUrl, "", "", Clock.systemUTC())) {
            Report report = store.report(ReportQuery.all(ZoneId.of("Asia/Shanghai")));
            assertEquals(ROWS, store.rowCount(), "every row stored exactly once");
            assertEquals(ROWS * 200L, report.terminal("BUS-9").revenueFen());
            assertTrue(store.duplicatesDropped() >= 20, "the batch committed before the halt was resent and dropped: "
                    + store.duplicatesDropped());
            assertEquals(0, report.openFindings());
        }
    }

    private ChildJvm clearing(MosquittoBroker broker, String jdbcUrl, int haltAfterStore) throws Exception {
        Path config = dir.resolve("clearing-" + haltAfterStore + ".conf");
        Files.writeString(config, String.join("\n", "mqtt.broker = " + broker.url(),
                "mqtt.client_id = clearing-crash", "store.jdbc_url = " + jdbcUrl,
                "debug.halt_after_store = " + haltAfterStore, ""));
        ChildJvm child = ChildJvm.start(ClearingCli.class.getName(), List.of("run", "--config", config.toString()));
        assertNotNull(child.awaitLine(l -> l.contains("MQTT connected"), WAIT), () -> "clearing did not connect:\n"
                + child.transcript());
        return child;
    }

    private static SyncService uploader(MosquittoBroker broker, SqliteLedger ledger) {
        String conf = String.join("\n", "terminal.id = BUS-9", "sync.broker = " + broker.url(),
                "sync.operator = demo", "sync.batch_rows = 20", "sync.in_flight = 2", "sync.ack_timeout_s = 2",
                "sync.backoff_min_ms = 100", "");
        SyncService sync = new SyncService(TerminalConfig.from(ConfigFile.parse("bus.conf", conf)).sync(), "BUS-9",
                ledger, Clock.systemUTC());
        sync.start();
        return sync;
    }

    private static TapRecord paid(int n) {
        return TapRecord.draft().time(Instant.now()).cardSerial(String.format("31040000%012d", n)).cardType(1)
                .riderCategory("adult").amountFen(200).balanceBeforeFen(10_000).balanceAfterFen(9_800)
                .cardCounter(n).psamTerminalNo("000012345678").psamSerial(n).tac("0A1B2C3D").mac2("11223344")
                .transactionType(6).fareTableVersion(1).route("101").stop("3").outcome(Outcome.PAID)
                .state(SettlementState.COMPLETE).detail("").build();
    }
}
