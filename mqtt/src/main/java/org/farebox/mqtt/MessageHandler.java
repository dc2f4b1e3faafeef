package org.farebox.mqtt;

/** Receives the messages of one subscription, on the link's dispatcher thread, one at a time. */
@FunctionalInterface
public interface MessageHandler {
    /**
     * Handles a message; when it returns (or throws) the message is acknowledged to the broker, so
     * a crash inside the handler makes the broker deliver it again.
     */
    void handle(String topic, byte[] payload, boolean retained) throws Exception;
}
