package org.farebox.provisioning.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.farebox.mqtt.tls.PemTls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandsTest {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @TempDir
    Path dir;
    String pki;

    @BeforeEach
    void init() {
        pki = dir.toString();
        PkiCli.ok("pki", "init", "--dir", pki, "--operator", "OP1");
    }

    @Test
    void initMakesASelfSignedP256CaWithAnOwnerOnlyKey() throws Exception {
        X509Certificate ca = certificate("ca.crt");
        ca.verify(ca.getPublicKey());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertEquals(0, ca.getBasicConstraints(), "a CA that may sign end-entity certificates only");
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
        assertEquals(256, ((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        long years = Duration.between(Instant.now(), ca.getNotAfter().toInstant()).toDays() / 365;
        assertEquals(10, years);
        assertOwnerOnly("ca.key");
        assertTrue(Files.readString(dir.resolve("ca.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void terminalCertificateIsAClientCertificateNamedByItsIdAndSignedByTheCa() throws Exception {
        PkiCli.Run run = PkiCli.ok("pki", "issue", "--dir", pki, "terminal", "T1", "bus-0042");
        assertTrue(run.out().contains("CN=T1") && run.out().contains("CN=bus-0042"), run.out());
        X509Certificate ca = certificate("ca.crt");
        for (String id : List.of("T1", "bus-0042")) {
            X509Certificate terminal = certificate(id + ".crt");
            terminal.verify(ca.getPublicKey());
            assertTrue(terminal.getSubjectX500Principal().getName().contains("CN=" + id));
            assertEquals(List.of(CLIENT_AUTH), terminal.getExtendedKeyUsage());
            assertEquals(-1, terminal.getBasicConstraints());
            assertOwnerOnly(id + ".key");
        }
        // The files are what a terminal's TLS setup reads.
        PemTls.context(dir.resolve("ca.crt"), dir.resolve("T1.crt"), dir.resolve("T1.key"));
    }

    @Test
    void clearingAndOperatorCertificatesCarryTheirPrefix() throws Exception {
        PkiCli.ok("pki", "issue", "--dir", pki, "clearing", "main");
        PkiCli.ok("pki", "issue", "--dir", pki, "operator", "ops");
        assertTrue(certificate("clearing-main.crt").getSubjectX500Principal().getName().contains("CN=clearing-main"));
        assertTrue(certificate("operator-ops.crt").getSubjectX500Principal().getName().contains("CN=operator-ops"));
        assertEquals(List.of(CLIENT_AUTH), certificate("operator-ops.crt").getExtendedKeyUsage());
    }

    @Test
    void brokerCertificateIsForServersWithEveryHostAsAltName() throws Exception {
        PkiCli.ok("pki", "issue", "--dir", pki, "broker", "mqtt.example.org", "10.1.2.3");
        X509Certificate broker = certificate("broker.crt");
        assertEquals(List.of(SERVER_AUTH), broker.getExtendedKeyUsage());
        Set<String> names = new TreeSet<>();
        for (List<?> name : broker.getSubjectAlternativeNames()) {
            names.add(name.get(0) + ":" + name.get(1));
        }
        assertEquals(Set.of("2:mqtt.example.org", "7:10.1.2.3", "2:localhost", "7:127.0.0.1"), names);
        assertOwnerOnly("broker.key");
    }

    @Test
    void terminalIdsThatCouldPoseAsClearingOperatorOrTheCaAreRefused() {
        for (String id : List.of("clearing-main", "Operator-ops", "ca", "broker", "T/1", "+", "#", "")) {
            PkiCli.Run run = PkiCli.run("pki", "issue", "--dir", pki, "terminal", id);
            assertNotEquals(0, run.exitCode(), id);
            assertFalse(run.err().isBlank(), id);
            assertFalse(run.err().contains("internal error"), run.err());
        }
        PkiCli.Run run = PkiCli.run("pki", "issue", "--dir", pki, "terminal", "clearing-main");
        assertTrue(run.err().contains("reserved for clearing hosts and operators"), run.err());
        assertFalse(Files.exists(dir.resolve("clearing-main.crt")));
    }

    @Test
    void issuingWithoutACaSaysHowToMakeOne(@TempDir Path empty) {
        PkiCli.Run run = PkiCli.run("pki", "issue", "--dir", empty.toString(), "terminal", "T1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no operator CA") && run.err().contains("pki init"), run.err());
    }

    @Test
    void existingFilesAreReplacedOnlyWithForce() throws Exception {
        PkiCli.ok("pki", "issue", "--dir", pki, "terminal", "T1");
        byte[] first = Files.readAllBytes(dir.resolve("T1.key"));
        PkiCli.Run again = PkiCli.run("pki", "issue", "--dir", pki, "terminal", "T1");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("T1.key")));

        // Options may follow the subcommand too.
        PkiCli.ok("pki", "issue", "terminal", "T1", "--dir", pki, "--force");
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(dir.resolve("T1.key"))));

        PkiCli.Run init = PkiCli.run("pki", "init", "--dir", pki, "--operator", "OP1");
        assertEquals(1, init.exitCode());
        assertTrue(init.err().contains("ca.crt already exists"), init.err());
    }

    @Test
    void aclGivesTerminalsTheirOwnTopicsAndNamesEachClearingAndOperatorUser() throws Exception {
        PkiCli.ok("pki", "issue", "--dir", pki, "terminal", "T1");
        PkiCli.ok("pki", "issue", "--dir", pki, "clearing", "main");
        PkiCli.ok("pki", "issue", "--dir", pki, "operator", "ops");
        PkiCli.ok("pki", "issue", "--dir", pki, "clearing", "main", "--force");
        PkiCli.Run run = PkiCli.ok("pki", "acl", "--dir", pki, "--operator", "OP1");
        assertTrue(run.out().contains("1 clearing user, 1 operator user"), run.out());
        String acl = Files.readString(dir.resolve("acl"));
        String rules = String.join("\n", acl.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
        assertEquals(String.join("\n",
                "pattern write farebox/v1/OP1/terminal/%u/txn",
                "pattern write farebox/v1/OP1/terminal/%u/status",
                "pattern read farebox/v1/OP1/terminal/%u/ack",
                "pattern read farebox/v1/OP1/terminal/%u/cmd",
                "pattern read farebox/v1/OP1/fleet/#",
                "user clearing-main",
                "topic read farebox/v1/OP1/terminal/+/txn",
                "topic write farebox/v1/OP1/terminal/+/ack",
                "user operator-ops",
                "topic write farebox/v1/OP1/fleet/#",
                "topic write farebox/v1/OP1/terminal/+/cmd",
                "topic read farebox/v1/OP1/terminal/+/status"), rules);

        PkiCli.Run wrongOperator = PkiCli.run("pki", "acl", "--dir", pki, "--operator", "OP2", "-o", dir.resolve("x").toString());
        assertEquals(1, wrongOperator.exitCode());
        assertTrue(wrongOperator.err().contains("made for operator OP1"), wrongOperator.err());
    }

    @Test
    void mosquittoConfHasATlsListenerThatRequiresCertificatesAndTheAcl() throws Exception {
        Path conf = dir.resolve("farebox.conf");
        PkiCli.ok("pki", "mosquitto-conf", "--dir", pki, "--port", "8884", "-o", conf.toString());
        List<String> lines = Files.readAllLines(conf);
        for (String expected : List.of("allow_anonymous false", "acl_file " + dir.resolve("acl").toAbsolutePath(),
                "listener 8884", "cafile " + dir.resolve("ca.crt").toAbsolutePath(), "require_certificate true",
                "use_identity_as_username true", "keyfile " + dir.resolve("broker.key").toAbsolutePath())) {
            assertTrue(lines.contains(expected), expected + " missing in\n" + String.join("\n", lines));
        }
        assertEquals(2, PkiCli.run("pki", "mosquitto-conf", "--dir", pki, "--port", "0", "-o", conf + "2").exitCode());
    }

    @Test
    void everyPkiCommandHasHelp() {
        for (List<String> command : List.of(List.of("pki"), List.of("pki", "init"), List.of("pki", "issue"),
                List.of("pki", "issue", "terminal"), List.of("pki", "issue", "clearing"), List.of("pki", "issue", "operator"),
                List.of("pki", "issue", "broker"), List.of("pki", "acl"), List.of("pki", "mosquitto-conf"))) {
            List<String> withHelp = new java.util.ArrayList<>(command);
            withHelp.add("--help");
            String[] args = withHelp.toArray(new String[0]);
            PkiCli.Run run = PkiCli.run(args);
            assertEquals(0, run.exitCode(), String.join(" ", command));
            assertTrue(run.out().startsWith("Usage:"), run.out());
        }
    }

    private X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private void assertOwnerOnly(String name) throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))));
    }
}
