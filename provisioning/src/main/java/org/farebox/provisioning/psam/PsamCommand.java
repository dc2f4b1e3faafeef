package org.farebox.provisioning.psam;

import org.farebox.provisioning.Args;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code psam}: state files for the simulator's virtual PSAM. */
@Command(name = "psam", mixinStandardHelpOptions = true, description = "Virtual PSAM state.",
        subcommands = CreatePsamCommand.class)
public final class PsamCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new Args(spec).bad("a subcommand is needed: create");
    }
}
