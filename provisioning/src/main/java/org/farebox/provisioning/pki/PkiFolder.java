package org.farebox.provisioning.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;

/**
 * The operator's PKI folder: {@code ca.crt}, {@code ca.key} (0600), one {@code NAME.crt}/{@code NAME.key}
 * per issued identity, and {@code identities}, the index the ACL is generated from.
 */
final class PkiFolder {
    static final String INDEX = "identities";
    private static final String OPERATOR_LINE = "ca-operator";

    private final Path dir;

    PkiFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    Path caKey() {
        return dir.resolve("ca.key");
    }

    Path index() {
        return dir.resolve(INDEX);
    }

    Path certificate(Identity identity) {
        return dir.resolve(identity.fileBase() + ".crt");
    }

    Path key(Identity identity) {
        return dir.resolve(identity.fileBase() + ".key");
    }

    /** The CA, checked: both files there, the key belongs to the certificate, the index names the operator. */
    OperatorCa loadCa() {
        if (!Files.exists(caCertificate()) || !Files.exists(caKey())) {
            throw new ProvisionException("no operator CA in " + dir + " (ca.crt and ca.key); create it first with: "
                    + "farebox-provision pki init --dir " + dir + " --operator OP");
        }
        X509Certificate certificate = PemText.readCertificate(caCertificate(), "CA certificate");
        PrivateKey key = PemText.readEcPrivateKey(caKey(), "CA key");
        if (!belongTogether(certificate, key)) {
            throw new ProvisionException("CA key " + caKey() + " does not belong to CA certificate " + caCertificate());
        }
        return new OperatorCa(certificate, key, operator());
    }

    /** The operator id recorded by {@code pki init}. */
    String operator() {
        for (String line : indexLines()) {
            String[] words = line.split(" ");
            if (words.length == 2 && words[0].equals(OPERATOR_LINE)) {
                return words[1];
            }
        }
        throw new ProvisionException(index() + " names no operator (line \"" + OPERATOR_LINE + " OP\"); was the folder "
                + "made by farebox-provision pki init?");
    }

    /** The identities issued so far, in the order they were first issued. */
    List<Identity> identities() {
        List<Identity> identities = new ArrayList<>();
        for (String line : indexLines()) {
            String[] words = line.split(" ");
            Identity.Kind kind = words.length == 2 ? Identity.Kind.of(words[0]) : null;
            if (kind != null) {
                identities.add(new Identity(kind, words[1]));
            } else if (!(words.length == 2 && words[0].equals(OPERATOR_LINE))) {
                throw new ProvisionException(index() + " has a line that is not \"KIND NAME\": \"" + line + "\"");
            }
        }
        return identities;
    }

    void writeNewIndex(String operator) {
        OutputFile.write(index(), header() + OPERATOR_LINE + " " + operator + "\n", true);
    }

    /** Adds {@code identity} to the index unless it is there (a re-issue with --force). */
    void record(Identity identity) {
        Set<String> lines = new LinkedHashSet<>(indexLines());
        lines.add(identity.kind().word() + " " + identity.commonName());
        OutputFile.write(index(), header() + String.join("\n", lines) + "\n", true);
    }

    private List<String> indexLines() {
        if (!Files.exists(index())) {
            throw new ProvisionException("no index " + index() + "; create the CA first with: farebox-provision pki init --dir "
                    + dir + " --operator OP");
        }
        List<String> lines = new ArrayList<>();
        for (String line : OutputFile.read(index(), "identity index").split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(trimmed.replaceAll("\\s+", " "));
            }
        }
        return lines;
    }

    private static String header() {
        return "# Identities issued by this operator CA (kind and certificate CN), written by farebox-provision pki.\n"
                + "# 'farebox-provision pki acl' generates the Mosquitto ACL from it.\n";
    }

    private static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
        try {
            byte[] probe = "farebox CA key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
