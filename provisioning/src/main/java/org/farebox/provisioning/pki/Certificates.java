package org.farebox.provisioning.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes the operator CA and the certificates it signs: EC P-256 keys, ECDSA with SHA-256 (Bouncy Castle PKIX). */
final class Certificates {
    /** Backdating notBefore: a terminal whose clock lags a little must still accept a fresh certificate. */
    static final Duration CLOCK_SKEW = Duration.ofDays(1);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
        }
    }

    /** A self-signed CA certificate (basicConstraints CA, keyCertSign + cRLSign) valid from now for {@code validity}. */
    static X509Certificate operatorCa(String operator, KeyPair pair, Instant now, Duration validity) {
        X500Name subject = name("Farebox operator CA " + operator, operator);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            return sign(builder, pair);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
    }

    /**
     * A certificate for {@code identity} signed by the CA: clientAuth for terminals, clearing and operators;
     * serverAuth with a subjectAltName per host for the broker. Never valid past the CA itself.
     */
    static X509Certificate issue(OperatorCa ca, Identity identity, List<String> hosts, PublicKey key, Instant now,
            Duration validity) {
        Instant notAfter = now.plus(validity);
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caEnd)) {
            notAfter = caEnd;
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(notAfter), name(identity.commonName(), ca.operator()), key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            if (identity.kind() == Identity.Kind.BROKER) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
            } else {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            return sign(builder, new KeyPair(ca.certificate().getPublicKey(), ca.key()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the certificate for " + identity.commonName(), e);
        }
    }

    static boolean isIpAddress(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    private static GeneralNames alternativeNames(List<String> hosts) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            names.add(new GeneralName(isIpAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    private static X500Name name(String commonName, String operator) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Farebox " + operator)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7f;
        return new BigInteger(1, bytes).max(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no ECDSA signer: " + e.getMessage(), e);
        }
    }
}
