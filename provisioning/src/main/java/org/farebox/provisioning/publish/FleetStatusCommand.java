package org.farebox.provisioning.publish;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status [TERMINAL]}: the retained status of one terminal or of the whole fleet. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print the retained status of one terminal, or of every terminal of the operator: state",
                "(online/offline), versions of fare table, deny list, keys and commands, backlog, refusals."})
public final class FleetStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TERMINAL", description = "terminal id (default: all)")
    String terminal;

    @Option(names = "--wait", defaultValue = "2", paramLabel = "SECONDS",
            description = "how long to collect status messages (default ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--json", description = "print each status document as it was published")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Args args = new Args(spec);
        args.inRange("--wait", waitSeconds, 1, 600);
        Topics topics = broker.topics();
        String filter;
        try {
            filter = terminal == null ? topics.allStatus() : topics.status(terminal);
        } catch (IllegalArgumentException e) {
            throw args.bad(e.getMessage());
        }
        StatusWatch watch = new StatusWatch();
        try (MqttLink link = broker.connect()) {
            watch.listen(link, filter);
            // Retained messages come right after the subscription; one terminal asked for: stop at its status.
            watch.await(s -> terminal != null && s.containsKey(terminal), Duration.ofSeconds(waitSeconds));
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Map<String, Object>> latest = watch.latest();
        if (latest.isEmpty()) {
            throw new ProvisionException("no status " + (terminal == null ? "from any terminal of " + broker.operator
                    : "from terminal " + terminal) + " on " + broker.broker + " (never connected, or wrong --operator?)");
        }
        if (json) {
            watch.raw().values().forEach(out::println);
        } else {
            latest.forEach((t, s) -> out.println(StatusWatch.summary(t, s)));
        }
        return 0;
    }
}
