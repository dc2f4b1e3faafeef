package org.farebox.provisioning.fare;

import org.farebox.provisioning.Args;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code faretable}: fare table files before they go to terminals. */
@Command(name = "faretable", mixinStandardHelpOptions = true, description = "Fare tables.",
        subcommands = {CheckFareTableCommand.class, CompileFareTableCommand.class, QuoteFareTableCommand.class})
public final class FareTableCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new Args(spec).bad("a subcommand is needed: check, compile or quote");
    }
}
