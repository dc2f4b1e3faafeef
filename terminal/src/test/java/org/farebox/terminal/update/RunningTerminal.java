package org.farebox.terminal.update;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.terminal.fare.FlatFarePolicy;
import org.farebox.terminal.status.StatusSource;

/** A terminal's update side wired the way TerminalRuntime is told to wire it: updates, will, link, start. */
final class RunningTerminal implements AutoCloseable {
    final TerminalUpdates updates;
    final MqttLink link;

    RunningTerminal(String id, Operator operator, String brokerUrl, Path stateDir, DenyListTarget deny,
            CommandActions actions, Clock clock, Duration statusInterval) throws InterruptedException {
        updates = TerminalUpdates.open(id, operator.config(brokerUrl, statusInterval), stateDir,
                new FlatFarePolicy(Operator.table(1, 200)), deny, StatusSource.none(), actions, clock);
        LinkOptions options = LinkOptions.defaults(brokerUrl, "terminal-" + id)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(30))
                .withKeepAlive(Duration.ofSeconds(5));
        link = new MqttLink(updates.withWill(options), new Random(id.hashCode()));
        updates.attach(link);
        link.start();
        updates.start();
        if (!link.awaitConnected(FleetWatch.WAIT)) {
            throw new AssertionError("terminal " + id + " did not connect: " + link.lastError());
        }
    }

    @Override
    public void close() {
        updates.close();
        link.close();
    }
}
