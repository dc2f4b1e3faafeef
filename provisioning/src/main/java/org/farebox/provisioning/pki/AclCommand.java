package org.farebox.provisioning.pki;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pki acl}: the Mosquitto ACL from the identities issued so far. */
@Command(name = "acl", mixinStandardHelpOptions = true,
        description = {"Write the Mosquitto ACL for the identities issued in DIR: each terminal may publish only its own",
                "txn and status and read only its own ack and cmd and the fleet topics; clearing hosts read every txn",
                "and publish acks; operators publish fleet topics and commands and read status.",
                "Run it again (with --force) after issuing a clearing or operator certificate, then reload the broker."})
public final class AclCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "PKI folder made by 'pki init'")
    Path dir;

    @Option(names = "--operator", paramLabel = "OP", description = "operator id (default: the one the CA was made for)")
    String operator;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "ACL file to write (default DIR/acl)")
    Path output;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        PkiFolder folder = new PkiFolder(dir);
        String recorded = folder.operator();
        if (operator != null && !operator.equals(recorded)) {
            if (!Identity.NAME.matcher(operator).matches()) {
                throw new Args(spec).bad("--operator must be 1..32 of A-Z a-z 0-9 . _ -, got \"" + operator + "\"");
            }
            throw new ProvisionException("the CA in " + dir + " was made for operator " + recorded + ", not " + operator
                    + "; leave --operator out or give " + recorded);
        }
        List<Identity> identities = folder.identities();
        Path file = output != null ? output : dir.resolve("acl");
        OutputFile.write(file, MosquittoAcl.render(recorded, identities), force);
        long clearing = identities.stream().filter(i -> i.kind() == Identity.Kind.CLEARING).count();
        long operators = identities.stream().filter(i -> i.kind() == Identity.Kind.OPERATOR).count();
        long terminals = identities.stream().filter(i -> i.kind() == Identity.Kind.TERMINAL).count();
        spec.commandLine().getOut().printf("wrote Mosquitto ACL %s for operator %s: terminal patterns (%d terminal%s "
                + "issued), %d clearing user%s, %d operator user%s%n", file, recorded, terminals, terminals == 1 ? "" : "s",
                clearing, clearing == 1 ? "" : "s", operators, operators == 1 ? "" : "s");
        if (clearing == 0) {
            spec.commandLine().getOut().println("note: no clearing certificate issued yet, so nobody can read transactions");
        }
        return 0;
    }
}
