package org.farebox.mqtt;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.tinylog.Logger;

/**
 * Hands incoming messages, one at a time and in arrival order, to the handler of the first matching
 * subscription, on a thread of its own (never Paho's: Paho also delivers action callbacks there), and
 * acknowledges each to the broker only after its handler has returned.
 */
final class Dispatcher {
    /** A subscription as the dispatcher routes it. */
    record Route(String filter, int qos, MessageHandler handler) {
    }

    private record Delivery(MqttAsyncClient client, String topic, MqttMessage message) {
    }

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final List<Route> routes;
    private final Predicate<MqttAsyncClient> current;
    private final BooleanSupplier running;
    private final Thread thread;

    /** {@code current} says whether a client is still the live connection (a dead one's acks are dropped). */
    Dispatcher(String name, List<Route> routes, Predicate<MqttAsyncClient> current, BooleanSupplier running) {
        this.routes = routes;
        this.current = current;
        this.running = running;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called on Paho's thread: only queues. */
    void arrived(MqttAsyncClient client, String topic, MqttMessage message) {
        deliveries.add(new Delivery(client, topic, message));
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private void loop() {
        while (running.getAsBoolean() || !deliveries.isEmpty()) {
            Delivery d;
            try {
                d = deliveries.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (d != null) {
                handle(d);
                acknowledge(d);
            }
        }
    }

    private void handle(Delivery d) {
        for (Route r : routes) {
            if (TopicFilter.matches(r.filter(), d.topic())) {
                try {
                    r.handler().handle(d.topic(), d.message().getPayload(), d.message().isRetained());
                } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                    Logger.error(e, "MQTT handler for {} failed on a {}-byte message; the link goes on", d.topic(),
                            d.message().getPayload().length);
                }
                return;
            }
        }
    }

    private void acknowledge(Delivery d) {
        if (d.message().getQos() == 0 || !current.test(d.client())) {
            return; // a message from a dead connection is redelivered by the broker after reconnect
        }
        try {
            d.client().messageArrivedComplete(d.message().getId(), d.message().getQos());
        } catch (MqttException | RuntimeException e) {
            Logger.debug("MQTT ack of message {} failed: {}", d.message().getId(), e.getMessage());
        }
    }
}
