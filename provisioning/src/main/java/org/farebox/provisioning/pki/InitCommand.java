package org.farebox.provisioning.pki;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pki init}: the operator CA, self-signed, EC P-256. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the operator CA in DIR: ca.crt (self-signed, EC P-256, CA for 10 years) and ca.key (mode",
                "0600), and the index of issued identities. Keep ca.key off the broker and the terminals.",
                "Existing files are never replaced without --force."})
public final class InitCommand implements Callable<Integer> {
    static final Duration CA_VALIDITY = Duration.ofDays(3653);

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "PKI folder (created if missing)")
    Path dir;

    @Option(names = "--operator", required = true, paramLabel = "OP",
            description = "operator id, the OP in farebox/v1/OP/...: 1..32 of A-Z a-z 0-9 . _ -")
    String operator;

    @Option(names = "--force", description = "replace an existing CA (every certificate it issued becomes useless)")
    boolean force;

    @Override
    public Integer call() {
        if (!Identity.NAME.matcher(operator).matches()) {
            throw new Args(spec).bad("--operator must be 1..32 of A-Z a-z 0-9 . _ -, got \"" + operator + "\"");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProvisionException("cannot create folder " + dir + ": " + e.getMessage(), e);
        }
        PkiFolder folder = new PkiFolder(dir);
        OutputFile.checkWritable(folder.caCertificate(), force);
        OutputFile.checkWritable(folder.caKey(), force);
        KeyPair pair = Certificates.newKeyPair();
        X509Certificate ca = Certificates.operatorCa(operator, pair, Instant.now(), CA_VALIDITY);
        OutputFile.writeSecret(folder.caKey(), PemText.privateKey(pair.getPrivate()), force);
        OutputFile.write(folder.caCertificate(), PemText.certificate(ca), force);
        folder.writeNewIndex(operator);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("created operator CA for %s: %s (valid until %s) and %s (mode 0600)%n", operator,
                folder.caCertificate(), ca.getNotAfter().toInstant(), folder.caKey());
        out.println("keep ca.key secret and off the broker; next: farebox-provision pki issue --dir " + dir
                + " broker HOST, then clearing NAME, operator NAME and terminal ID...");
        return 0;
    }
}
