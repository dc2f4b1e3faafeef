package org.farebox.provisioning.publish;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.farebox.mqtt.MqttLink;
import org.farebox.mqtt.PublishRefusedException;
import org.farebox.provisioning.ProvisionException;

/** One QoS 1 publish that either reaches the broker or ends in a ProvisionException that says why. */
final class Publish {
    private Publish() {
    }

    static void send(MqttLink link, String topic, byte[] message, boolean retained, Duration timeout) {
        try {
            link.publish(topic, message, 1, retained).get(timeout.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PublishRefusedException) {
                throw new ProvisionException("the broker refused the publish to " + topic + " (" + cause.getMessage()
                        + "); check the broker's ACL and message size limit", cause);
            }
            throw new ProvisionException("publish to " + topic + " failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new ProvisionException("no acknowledgement from the broker for " + topic + " within "
                    + timeout.toSeconds() * 3 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while publishing to " + topic);
        }
    }

    static void report(PrintWriter out, String what, long version, String topic, byte[] message, boolean retained) {
        out.printf("published %s v%d to %s: %d bytes%s%n", what, version, topic, message.length,
                retained ? ", retained" : "");
    }
}
