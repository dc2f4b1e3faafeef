package org.farebox.provisioning.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pki mosquitto-conf}: the broker's TLS listener configuration for this PKI folder. */
@Command(name = "mosquitto-conf", mixinStandardHelpOptions = true,
        description = {"Write a Mosquitto 2.0 configuration snippet: a TLS listener that requires a client certificate",
                "from this CA and takes its CN as the username, the ACL, and no anonymous clients."})
public final class MosquittoConfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "PKI folder made by 'pki init'")
    Path dir;

    @Option(names = "--port", defaultValue = "8883", paramLabel = "N", description = "TLS port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (default: all)")
    String bind;

    @Option(names = "--acl", paramLabel = "FILE", description = "ACL file the broker reads (default DIR/acl)")
    Path acl;

    @Option(names = "--tls-version", defaultValue = "tlsv1.2", paramLabel = "V",
            description = "lowest TLS version: tlsv1.2 or tlsv1.3 (default ${DEFAULT-VALUE})")
    String tlsVersion;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "configuration file to write")
    Path output;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        Args args = new Args(spec);
        args.inRange("--port", port, 1, 65535);
        if (!tlsVersion.equals("tlsv1.2") && !tlsVersion.equals("tlsv1.3")) {
            throw args.bad("--tls-version must be tlsv1.2 or tlsv1.3, got \"" + tlsVersion + "\"");
        }
        PkiFolder folder = new PkiFolder(dir);
        String operator = folder.operator();
        Path aclFile = acl != null ? acl : dir.resolve("acl");
        OutputFile.write(output, MosquittoListenerConf.render(folder, operator, aclFile, port, bind, tlsVersion), force);
        spec.commandLine().getOut().printf("wrote Mosquitto listener configuration %s (TLS port %d, ACL %s)%n", output, port,
                aclFile.toAbsolutePath());
        for (String needed : new String[] {"broker.crt", "broker.key", "ca.crt"}) {
            if (!Files.exists(dir.resolve(needed))) {
                spec.commandLine().getOut().println("note: " + dir.resolve(needed) + " does not exist yet: "
                        + (needed.startsWith("broker") ? "farebox-provision pki issue --dir " + dir + " broker HOST" : "pki init"));
            }
        }
        if (!Files.exists(aclFile)) {
            spec.commandLine().getOut().println("note: " + aclFile + " does not exist yet: farebox-provision pki acl --dir " + dir);
        }
        return 0;
    }
}
