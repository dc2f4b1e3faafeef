package org.farebox.provisioning.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The operator's CA: its certificate, its private key and the operator id it was made for. */
record OperatorCa(X509Certificate certificate, PrivateKey key, String operator) {
}
