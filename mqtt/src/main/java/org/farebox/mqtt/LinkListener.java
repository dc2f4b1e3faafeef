package org.farebox.mqtt;

/** Hears when the link comes up (subscriptions in place) and goes down. */
public interface LinkListener {
    /** Called on the link's connection thread after every successful connect and subscribe. */
    default void connected() {
    }

    /** Called when a live connection is lost or closed; {@code reason} is for the log. */
    default void disconnected(String reason) {
    }
}
