package org.farebox.provisioning.pki;

import org.farebox.provisioning.Args;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pki}: the operator CA, MQTT certificates for terminals, clearing, operators and the broker, and the broker's ACL. */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = {"MQTT security: the operator CA, certificates for terminals, clearing hosts, operators and the",
                "broker, the Mosquitto ACL that keeps each terminal to its own topics, and the broker's TLS listener.",
                "Typical order: init, issue broker HOST, issue clearing NAME, issue operator NAME, issue terminal ID...,",
                "acl, mosquitto-conf."},
        subcommands = {InitCommand.class, IssueCommand.class, AclCommand.class, MosquittoConfCommand.class})
public final class PkiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new Args(spec).bad("a subcommand is needed: init, issue, acl or mosquitto-conf");
    }
}
