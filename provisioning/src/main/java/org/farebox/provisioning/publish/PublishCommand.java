package org.farebox.provisioning.publish;

import org.farebox.provisioning.Args;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code publish}: signed operator updates to the fleet, and commands to one terminal. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Sign an operator update with the operator's Ed25519 key and publish it (QoS 1).",
                "Fleet updates (faretable, denylist, keys) are retained so terminals that connect later get them;",
                "commands are not. Terminals refuse anything unsigned, forged, older than what they run, or too big."},
        subcommands = {PublishFareTableCommand.class, PublishDenyListCommand.class, PublishKeysCommand.class,
                PublishCmdCommand.class})
public final class PublishCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new Args(spec).bad("a subcommand is needed: faretable, denylist, keys or cmd");
    }
}
