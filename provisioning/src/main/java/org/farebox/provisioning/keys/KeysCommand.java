package org.farebox.provisioning.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keys}: master key files for the issuer, the software SAM and the virtual PSAM. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Issuer master keys.",
        subcommands = {KeysCommand.Generate.class, org.farebox.provisioning.publish.OperatorKeyCommand.class})
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new Args(spec).bad("a subcommand is needed: generate or operator");
    }

    /** {@code keys generate}: fresh random master keys in the MasterKeys text format, mode 0600. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate fresh master keys (purchase, TAC, maintenance) for one key index with",
                    "SecureRandom, in the text format the software SAM, the virtual PSAM and 'card issue' read.",
                    "The file is created with mode 0600; an existing file is never replaced without --force."})
    public static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "key file to create")
        Path output;

        @Option(names = "--levels", defaultValue = "1", paramLabel = "1|2",
                description = "diversification levels: 1 (card serial) or 2 (issuer id, then serial); default ${DEFAULT-VALUE}")
        int levels;

        @Option(names = "--key-index", defaultValue = "1", paramLabel = "N",
                description = "purchase key index 0..255 (default ${DEFAULT-VALUE})")
        int keyIndex;

        @Option(names = "--key-version", defaultValue = "1", paramLabel = "N",
                description = "key version 0..255 the cards report (default ${DEFAULT-VALUE})")
        int keyVersion;

        @Option(names = "--force", description = "replace FILE if it exists")
        boolean force;

        @Override
        public Integer call() {
            Args args = new Args(spec);
            if (levels != 1 && levels != 2) {
                throw args.bad("--levels must be 1 or 2, got " + levels);
            }
            args.inRange("--key-index", keyIndex, 0, 255);
            args.inRange("--key-version", keyVersion, 0, 255);
            MasterKeys keys = MasterKeys.generate(new SecureRandom(), levels, keyIndex, keyVersion);
            OutputFile.writeSecret(output, keys.format(), force);
            spec.commandLine().getOut().printf("wrote master keys to %s (mode 0600): key index %d, version %d, "
                    + "%d diversification level%s%n", output, keyIndex, keyVersion, levels, levels == 1 ? "" : "s");
            spec.commandLine().getOut().println("keep it secret; next: farebox-provision card issue --keys " + output
                    + " ... or set sam.soft.keys = " + output.toAbsolutePath() + " in terminal.conf");
            return 0;
        }
    }
}
