package org.farebox.mqtt.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM certificates and PKCS#8 private keys with the JDK alone. */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private PemFiles() {
    }

    /** Every CERTIFICATE block of {@code file}, in order (a chain: leaf first). */
    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.type.equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
                }
            }
        } catch (CertificateException e) {
            throw new TlsSetupException("certificate file " + file + " holds a damaged certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new TlsSetupException("certificate file " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** The unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) in {@code file}: EC or RSA. */
    public static PrivateKey privateKey(Path file) {
        List<Block> blocks = blocks(file);
        for (Block block : blocks) {
            switch (block.type) {
                case "PRIVATE KEY":
                    return pkcs8(file, block.der);
                case "EC PRIVATE KEY":
                case "RSA PRIVATE KEY":
                    throw new TlsSetupException("key file " + file + " holds a " + block.type + " (the old OpenSSL format); "
                            + "convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out NEW_FILE");
                case "ENCRYPTED PRIVATE KEY":
                    throw new TlsSetupException("key file " + file + " is encrypted with a passphrase; the terminal needs "
                            + "it unencrypted (mode 0600): openssl pkcs8 -topk8 -nocrypt -in " + file + " -out NEW_FILE");
                default:
                    break;
            }
        }
        throw new TlsSetupException("key file " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // Not this algorithm; PKCS#8 names it inside, but the JDK has no parser for that name alone.
            }
        }
        throw new TlsSetupException("key file " + file + " holds a PKCS#8 key that is neither EC nor RSA, or is damaged");
    }

    private static List<Block> blocks(Path file) {
        String text = read(file);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new TlsSetupException("file " + file + " has a damaged PEM block " + matcher.group(1) + ": bad base64", e);
            }
        }
        return blocks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("file " + file + " does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new TlsSetupException("file " + file + " is not readable by this user (permission denied)", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TlsSetupException("file " + file + " is not a PEM text file", e);
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private record Block(String type, byte[] der) {
    }
}
