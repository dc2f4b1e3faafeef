package org.farebox.provisioning.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code publish cmd TERMINAL status|flush|reload}: a signed command to one terminal, answered in its status. */
@Command(name = "cmd", mixinStandardHelpOptions = true,
        description = {"Send a signed command to one terminal: status (publish the status now), flush (send the",
                "ledger backlog now) or reload (re-read the configuration). The version is the terminal's command",
                "counter in --state plus one, so a recorded command cannot be replayed. Waits for the answer."})
public final class PublishCmdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Mixin
    SigningOptions signing;

    @Parameters(index = "0", paramLabel = "TERMINAL", description = "terminal id")
    String terminal;

    @Parameters(index = "1", paramLabel = "COMMAND", description = "status, flush or reload")
    String command;

    @Option(names = "--id", paramLabel = "TEXT", description = "id echoed in the answer (default: generated)")
    String id;

    @Option(names = "--wait", defaultValue = "10", paramLabel = "SECONDS",
            description = "wait this long for the answer; 0 = do not wait (default ${DEFAULT-VALUE})")
    int waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Args args = new Args(spec);
        if (!command.equals("status") && !command.equals("flush") && !command.equals("reload")) {
            throw args.bad("COMMAND must be status, flush or reload, got '" + command + "'");
        }
        try {
            Topics.requireId(terminal, "TERMINAL");
        } catch (IllegalArgumentException e) {
            throw args.bad(e.getMessage());
        }
        args.inRange("--wait", waitSeconds, 0, 600);
        OperatorState state = signing.state();
        String counter = "cmd-" + terminal;
        long version = state.last(counter) + 1;
        String commandId = id != null ? id : command + "-" + version + "-" + Instant.now().toEpochMilli();
        if (!commandId.matches("[\\x21-\\x7E]{1,64}")) {
            throw args.bad("--id must be 1-64 printable ASCII characters without spaces");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("command", command);
        payload.put("id", commandId);
        Topics topics = broker.topics();
        byte[] message = signing.signer().sign(UpdateKind.COMMAND, broker.operator, terminal, version, Instant.now(),
                Map.of(), Json.write(payload).getBytes(StandardCharsets.UTF_8));
        // Counted before sending: a version is never used twice, even if this run dies after the publish.
        state.record(counter, version);
        StatusWatch watch = new StatusWatch();
        try (MqttLink link = broker.connect()) {
            if (waitSeconds > 0) {
                watch.listen(link, topics.status(terminal));
            }
            Publish.send(link, topics.cmd(terminal), message, false, broker.timeout());
            Publish.report(spec.commandLine().getOut(), "command " + command + " (id " + commandId + ")", version,
                    topics.cmd(terminal), message, false);
            if (waitSeconds == 0) {
                return 0;
            }
            boolean answered = watch.await(s -> answer(s.get(terminal), commandId) != null,
                    Duration.ofSeconds(waitSeconds));
            if (!answered) {
                throw new ProvisionException("no answer from " + terminal + " within " + waitSeconds + " s; it may be "
                        + "offline (the broker keeps the command for its session) or refused the command (see "
                        + "'farebox-provision status " + terminal + "')");
            }
            Map<?, ?> a = answer(watch.latest().get(terminal), commandId);
            spec.commandLine().getOut().printf("%s answered %s: %s%n", terminal, a.get("result"), a.get("detail"));
            return "ok".equals(a.get("result")) ? 0 : 1;
        }
    }

    private static Map<?, ?> answer(Map<String, Object> status, String commandId) {
        if (status != null && status.get("last_command") instanceof Map<?, ?> a && commandId.equals(a.get("id"))) {
            return a;
        }
        return null;
    }
}
