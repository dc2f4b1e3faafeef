package org.farebox.mqtt.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for MQTT from PEM files, JDK only: trust exactly the given CA certificate(s) (not the system
 * store), and present a client certificate chain with its PKCS#8 private key (EC P-256 as
 * {@code farebox-provision pki} issues them; RSA works too).
 *
 * <pre>{@code
 * options.setSocketFactory(PemTls.socketFactory(Path.of("ca.crt"), Path.of("T1.crt"), Path.of("T1.key")));
 * }</pre>
 */
public final class PemTls {
    private static final char[] IN_MEMORY_PASSWORD = "farebox".toCharArray();

    private PemTls() {
    }

    /** An SSLContext ("TLS": 1.3 and 1.2) that trusts {@code caFile} and presents the client certificate and key. */
    public static SSLContext context(Path caFile, Path certFile, Path keyFile) {
        return build(caFile, certFile, keyFile);
    }

    /** An SSLContext that trusts {@code caFile} and presents no client certificate. */
    public static SSLContext trustOnly(Path caFile) {
        return build(caFile, null, null);
    }

    /** The socket factory for Paho: {@link #context}'s, with TCP_NODELAY on every socket. */
    public static SSLSocketFactory socketFactory(Path caFile, Path certFile, Path keyFile) {
        return new NoDelaySocketFactory(context(caFile, certFile, keyFile).getSocketFactory());
    }

    private static SSLContext build(Path caFile, Path certFile, Path keyFile) {
        List<X509Certificate> authorities = PemFiles.certificates(caFile);
        try {
            KeyStore trusted = emptyStore();
            for (int i = 0; i < authorities.size(); i++) {
                trusted.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);

            KeyManagerFactory keys = null;
            if (certFile != null) {
                List<X509Certificate> chain = PemFiles.certificates(certFile);
                PrivateKey key = PemFiles.privateKey(keyFile);
                checkPair(chain.get(0), key, certFile, keyFile);
                KeyStore identity = emptyStore();
                identity.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, IN_MEMORY_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsSetupException("cannot set up TLS from " + caFile
                    + (certFile == null ? "" : ", " + certFile + ", " + keyFile) + ": " + e.getMessage(), e);
        }
    }

    /** Fails unless {@code key} is the private half of the certificate's public key (sign, then verify). */
    private static void checkPair(X509Certificate certificate, PrivateKey key, Path certFile, Path keyFile) {
        String certAlgorithm = certificate.getPublicKey().getAlgorithm();
        if (!certAlgorithm.equals(key.getAlgorithm())) {
            throw new TlsSetupException("key file " + keyFile + " holds a " + key.getAlgorithm() + " key but certificate "
                    + certFile + " is for a " + certAlgorithm + " key: they do not belong together");
        }
        String algorithm = certAlgorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = "farebox key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot check that key file " + keyFile + " matches certificate " + certFile
                    + ": " + e.getMessage(), e);
        }
        throw new TlsSetupException("key file " + keyFile + " does not match certificate " + certFile + " ("
                + certificate.getSubjectX500Principal().getName() + "): they come from different key pairs");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
