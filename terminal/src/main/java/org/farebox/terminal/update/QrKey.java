package org.farebox.terminal.update;

import java.time.Instant;

/** One public key that QR tickets may be signed with: issuer key id, algorithm, raw key, validity, revocation. */
public record QrKey(String id, String algorithm, byte[] publicKey, Instant notBefore, Instant notAfter,
        boolean revoked) {

    public QrKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** True if the key may verify a ticket at {@code at}: inside its validity and not revoked. */
    public boolean usableAt(Instant at) {
        return !revoked && !at.isBefore(notBefore) && at.isBefore(notAfter);
    }
}
