package org.farebox.provisioning.publish;

import java.io.IOException;
import java.nio.file.Path;
import org.farebox.protocol.signed.Ed25519Keys;
import org.farebox.protocol.signed.UpdateSigner;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Option;

/** The operator's Ed25519 signing key and the folder of operator-side versions. */
public final class SigningOptions {
    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "operator signing key, Ed25519 PKCS#8 PEM (from 'keys operator')")
    Path key;

    @Option(names = "--state", defaultValue = "${env:FAREBOX_OPERATOR_STATE:-operator-state}", paramLabel = "DIR",
            description = "operator-side versions and the deny-list book (default: $FAREBOX_OPERATOR_STATE or "
                    + "./operator-state)")
    Path state;

    UpdateSigner signer() {
        try {
            return new UpdateSigner(Ed25519Keys.readPrivate(key));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProvisionException("--key " + key + " does not exist; create one with 'farebox-provision keys "
                    + "operator -o FILE'");
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvisionException("--key: " + e.getMessage(), e);
        }
    }

    OperatorState state() {
        return new OperatorState(state);
    }
}
