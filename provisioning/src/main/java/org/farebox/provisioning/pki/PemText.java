package org.farebox.provisioning.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;

/** PEM text for certificates and unencrypted PKCS#8 private keys ("PRIVATE KEY"), as OpenSSL and Mosquitto read them. */
final class PemText {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PemText() {
    }

    static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate we just made cannot be encoded", e);
        }
    }

    static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    static X509Certificate readCertificate(Path file, String what) {
        byte[] der = der(file, what, "CERTIFICATE");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new ProvisionException(what + " " + file + " holds a damaged certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey readEcPrivateKey(Path file, String what) {
        byte[] der = der(file, what, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new ProvisionException(what + " " + file + " does not hold an EC private key: " + e.getMessage(), e);
        }
    }

    private static byte[] der(Path file, String what, String type) {
        String text = OutputFile.read(file, what);
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                try {
                    return Base64.getMimeDecoder().decode(matcher.group(2));
                } catch (IllegalArgumentException e) {
                    throw new ProvisionException(what + " " + file + " has a damaged " + type + " block (bad base64)", e);
                }
            }
        }
        throw new ProvisionException(what + " " + file + " holds no PEM " + type + " (-----BEGIN " + type + "-----)");
    }

    private static String block(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
