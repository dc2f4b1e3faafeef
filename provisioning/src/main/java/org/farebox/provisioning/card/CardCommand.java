package org.farebox.provisioning.card;

import org.farebox.provisioning.Args;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code card}: virtual T-Union test cards, issued and inspected as JSON files. */
@Command(name = "card", mixinStandardHelpOptions = true, description = "Virtual T-Union test cards.",
        subcommands = {IssueCardCommand.class, ShowCardCommand.class})
public final class CardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new Args(spec).bad("a subcommand is needed: issue or show");
    }
}
