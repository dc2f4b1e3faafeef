package org.farebox.provisioning.pki;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code pki issue}: certificates signed by the operator CA, one key pair each. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Issue a certificate and key (NAME.crt, NAME.key with mode 0600) signed by the operator CA in DIR.",
                "Certificate CNs, which the broker takes as usernames: terminal = its id, clearing = clearing-NAME,",
                "operator = operator-NAME. Existing files are never replaced without --force."},
        subcommands = {IssueCommand.Terminal.class, IssueCommand.Clearing.class, IssueCommand.Operator.class,
            IssueCommand.Broker.class})
public final class IssueCommand implements Runnable {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "PKI folder made by 'pki init'")
    Path dir;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1825", scope = CommandLine.ScopeType.INHERIT,
            description = "validity in days, at most up to the CA's end (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--force", scope = CommandLine.ScopeType.INHERIT, description = "replace existing files")
    boolean force;

    @Override
    public void run() {
        throw new Args(spec).bad("say whom to issue for: terminal ID..., clearing NAME, operator NAME or broker HOST...");
    }

    /** Issues one certificate per identity; checks every target file first, so nothing is half done. */
    void issue(CommandSpec sub, List<Identity> identities, List<String> hosts) {
        if (dir == null) {
            throw new Args(sub).bad("--dir DIR is required (the folder made by 'pki init')");
        }
        new Args(sub).inRange("--days", days, 1, 36500);
        PkiFolder folder = new PkiFolder(dir);
        OperatorCa ca = folder.loadCa();
        for (Identity identity : identities) {
            OutputFile.checkWritable(folder.certificate(identity), force);
            OutputFile.checkWritable(folder.key(identity), force);
        }
        PrintWriter out = sub.commandLine().getOut();
        Instant now = Instant.now();
        for (Identity identity : identities) {
            KeyPair pair = Certificates.newKeyPair();
            X509Certificate certificate = Certificates.issue(ca, identity, hosts, pair.getPublic(), now, Duration.ofDays(days));
            OutputFile.writeSecret(folder.key(identity), PemText.privateKey(pair.getPrivate()), force);
            OutputFile.write(folder.certificate(identity), PemText.certificate(certificate), force);
            folder.record(identity);
            out.printf("issued %s certificate CN=%s: %s and %s (mode 0600), valid until %s%n", identity.kind().word(),
                    identity.commonName(), folder.certificate(identity), folder.key(identity),
                    certificate.getNotAfter().toInstant());
        }
    }

    /** {@code pki issue terminal ID...}. */
    @Command(name = "terminal", mixinStandardHelpOptions = true,
            description = {"Client certificates for terminals; CN = the terminal id. Copy ID.crt, ID.key and ca.crt",
                    "to the terminal. No ACL change is needed: the ACL's patterns cover every terminal."})
    static final class Terminal implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IssueCommand issue;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "terminal ids: 1..32 of A-Z a-z 0-9 . _ -")
        List<String> ids;

        @Override
        public Integer call() {
            List<Identity> identities = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                identities.add(Identity.terminal(id));
            }
            issue.issue(spec, identities, List.of());
            return 0;
        }
    }

    /** {@code pki issue clearing NAME}. */
    @Command(name = "clearing", mixinStandardHelpOptions = true,
            description = {"Client certificate for a clearing host; CN = clearing-NAME. Regenerate the ACL afterwards",
                    "(pki acl --force) and reload the broker."})
    static final class Clearing implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IssueCommand issue;

        @Parameters(paramLabel = "NAME", description = "clearing host name: 1..32 of A-Z a-z 0-9 . _ -")
        String name;

        @Override
        public Integer call() {
            issue.issue(spec, List.of(Identity.clearing(name)), List.of());
            spec.commandLine().getOut().println("next: farebox-provision pki acl --dir " + issue.dir + " --force");
            return 0;
        }
    }

    /** {@code pki issue operator NAME}. */
    @Command(name = "operator", mixinStandardHelpOptions = true,
            description = {"Client certificate for an operator's tools (fleet data, commands); CN = operator-NAME.",
                    "Regenerate the ACL afterwards (pki acl --force) and reload the broker."})
    static final class Operator implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IssueCommand issue;

        @Parameters(paramLabel = "NAME", description = "operator user name: 1..32 of A-Z a-z 0-9 . _ -")
        String name;

        @Override
        public Integer call() {
            issue.issue(spec, List.of(Identity.operator(name)), List.of());
            spec.commandLine().getOut().println("next: farebox-provision pki acl --dir " + issue.dir + " --force");
            return 0;
        }
    }

    /** {@code pki issue broker HOST...}. */
    @Command(name = "broker", mixinStandardHelpOptions = true,
            description = {"Server certificate for the broker (broker.crt, broker.key) with a subjectAltName for each",
                    "HOST (DNS name or IP address) plus localhost and 127.0.0.1; CN = the first HOST."})
    static final class Broker implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IssueCommand issue;

        @Parameters(arity = "1..*", paramLabel = "HOST", description = "names and addresses clients use to reach the broker")
        List<String> hosts;

        @Override
        public Integer call() {
            Set<String> all = new LinkedHashSet<>();
            for (String host : hosts) {
                if (!HOST.matcher(host).matches()) {
                    throw new Args(spec).bad("HOST must be a DNS name or an IP address, got \"" + host + "\"");
                }
                all.add(host);
            }
            all.add("localhost");
            all.add("127.0.0.1");
            issue.issue(spec, List.of(Identity.broker(hosts.get(0))), new ArrayList<>(all));
            spec.commandLine().getOut().println("subjectAltName: " + String.join(", ", all));
            return 0;
        }
    }
}
