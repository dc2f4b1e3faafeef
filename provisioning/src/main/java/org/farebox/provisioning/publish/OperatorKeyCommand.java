package org.farebox.provisioning.publish;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.farebox.protocol.signed.Ed25519Keys;
import org.farebox.provisioning.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keys operator}: the operator's Ed25519 signing key pair for updates. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = {"Create the operator's Ed25519 key for signing updates (PKCS#8 PEM, mode 0600) and print",
                "the public key to put into every terminal.conf as updates.operator_keys."})
public final class OperatorKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "private key file to create")
    Path output;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        KeyPair pair = Ed25519Keys.generate();
        OutputFile.writeSecret(output, Ed25519Keys.privateToPem(pair.getPrivate()), force);
        String text = Ed25519Keys.toText(pair.getPublic());
        spec.commandLine().getOut().printf("wrote the operator signing key to %s (mode 0600), key id %s%n", output,
                Ed25519Keys.keyId(pair.getPublic()));
        spec.commandLine().getOut().println("updates.operator_keys = " + text);
        return 0;
    }
}
