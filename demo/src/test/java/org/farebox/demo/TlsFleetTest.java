package org.farebox.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.farebox.clearing.ClearingHost;
import org.farebox.clearing.report.Report;
import org.farebox.clearing.report.ReportQuery;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.tls.PemTls;
import org.farebox.protocol.config.ConfigFile;
import org.farebox.provisioning.ProvisionCli;
import org.farebox.terminal.config.SyncConfig;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sync.SyncService;
import org.farebox.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The production path end to end: certificates and ACL made by {@code farebox-provision pki}, a real
 * Mosquitto with a TLS-only listener that requires them, the terminal's own SyncService and the
 * clearing host each with its client certificate. A terminal whose certificate names another bus
 * cannot file rows as this one.
 */
class TlsFleetTest {
    private static final String OPERATOR = "cdtransit";

    @TempDir
    Path dir;

    @Test
    void aFleetOnTlsWithTheGeneratedAclDeliversItsRowsAndAnImpostorDeliversNone() throws Exception {
        Path pki = dir.resolve("pki");
        pki("init", "--dir", pki.toString(), "--operator", OPERATOR);
        pki("issue", "--dir", pki.toString(), "broker", "localhost");
        pki("issue", "--dir", pki.toString(), "terminal", "BUS-1", "BUS-2");
        pki("issue", "--dir", pki.toString(), "clearing", "main");
        pki("acl", "--dir", pki.toString(), "--operator", OPERATOR);
        Path ca = pki.resolve("ca.crt");
        try (MosquittoBroker broker = MosquittoBroker.builder().plainListener(false)
                .tls(ca, pki.resolve("broker.crt"), pki.resolve("broker.key")).aclFile(pki.resolve("acl"))
                .allowAnonymous(false).start();
                JdbcClearingStore store = JdbcClearingStore.open("jdbc:sqlite:" + dir.resolve("clearing.db"), "", "",
                        Clock.systemUTC())) {
            ClearingHost clearing = new ClearingHost(LinkOptions.defaults(broker.tlsUrl(), "clearing-main")
                    .withTls(PemTls.socketFactory(ca, pki.resolve("clearing-main.crt"),
                            pki.resolve("clearing-main.key"))), store, 0);
            clearing.start();
            try {
                assertTrue(clearing.awaitConnected(Duration.ofSeconds(15)), "clearing connects with its certificate");
                try (SqliteLedger bus1 = ledger("BUS-1", 40);
                        SqliteLedger impostor = ledger("BUS-2", 10)) {
                    // the impostor holds BUS-1's certificate but says it is BUS-2
                    SyncService honest = sync(broker, pki, "BUS-1", "BUS-1", bus1);
                    SyncService lying = sync(broker, pki, "BUS-1", "BUS-2", impostor);
                    try {
                        awaitCleared(bus1, 40);
                        Thread.sleep(1500); // the impostor's batches have had ample time to be refused
                        assertEquals(0, impostor.clearedThrough(), "nothing the impostor sent was acknowledged");
                    } finally {
                        lying.close();
                        honest.close();
                    }
                }
                Report report = store.report(ReportQuery.all(ZoneId.of("Asia/Shanghai")));
                assertEquals(40, report.terminal("BUS-1").taps());
                assertEquals(40 * 200, report.terminal("BUS-1").revenueFen());
                assertEquals(0, report.terminal("BUS-2").taps(), "the ACL kept rows out of another bus's topic");
                assertEquals(0, report.openFindings());
            } finally {
                clearing.close();
            }
        }
    }

    private static void pki(String... args) {
        List<String> all = new ArrayList<>(List.of("pki"));
        all.addAll(List.of(args));
        int code = new CommandLine(new ProvisionCli()).execute(all.toArray(String[]::new));
        assertEquals(0, code, "farebox-provision " + all);
    }

    private SqliteLedger ledger(String terminal, int rows) {
        SqliteLedger ledger = SqliteLedger.open(dir.resolve(terminal + ".db"), terminal,
                LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL));
        for (int n = 1; n <= rows; n++) {
            ledger.append(TapRecord.draft().time(Instant.now()).cardSerial(String.format("31040000%012d", n))
                    .cardType(1).riderCategory("adult").amountFen(200).balanceBeforeFen(10_000)
                    .balanceAfterFen(9_800).cardCounter(n).psamTerminalNo("000012345678").psamSerial(n)
                    .tac("0A1B2C3D").mac2("11223344").transactionType(6).fareTableVersion(1).route("101")
                    .stop("3").outcome(Outcome.PAID).state(SettlementState.COMPLETE).detail("").build());
        }
        return ledger;
    }

    private static SyncService sync(MosquittoBroker broker, Path pki, String certificate, String terminalId,
            SqliteLedger ledger) throws Exception {
        String conf = String.join("\n", "terminal.id = " + terminalId, "sync.broker = " + broker.tlsUrl(),
                "sync.operator = " + OPERATOR, "sync.tls.ca = " + pki.resolve("ca.crt"),
                "sync.tls.cert = " + pki.resolve(certificate + ".crt"),
                "sync.tls.key = " + pki.resolve(certificate + ".key"), "sync.batch_ms = 100",
                "sync.ack_timeout_s = 2", "");
        Files.writeString(pki.resolve(terminalId + "-as-" + certificate + ".conf"), conf);
        SyncConfig config = TerminalConfig.from(ConfigFile.parse("terminal.conf", conf)).sync();
        SyncService sync = new SyncService(config, terminalId, ledger, Clock.systemUTC());
        sync.start();
        return sync;
    }

    private static void awaitCleared(SqliteLedger ledger, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ledger.clearedThrough() < rows && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(rows, ledger.clearedThrough(), "every row acknowledged by clearing");
    }
}
